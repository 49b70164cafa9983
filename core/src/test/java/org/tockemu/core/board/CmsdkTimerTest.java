package org.tockemu.core.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CmsdkTimerTest {
    long now;
    boolean irq;
    int changes;
    final CmsdkTimer t = new CmsdkTimer("timer0", () -> now, l -> irq = l, () -> changes++);

    @Test
    void countsDownReloadsAndInterrupts() {
        t.write(CmsdkTimer.RELOAD, 4, 9);           // counter = 9, period 10 ticks
        t.write(CmsdkTimer.CTRL, 4, CmsdkTimer.CTRL_EN | CmsdkTimer.CTRL_IRQEN);
        assertEquals(9, t.read(CmsdkTimer.VALUE, 4));
        assertEquals(9, t.nextEventCycle());          // 1 -> 0 after 9 ticks
        now = 5;
        assertEquals(4, t.read(CmsdkTimer.VALUE, 4));
        now = 9;
        t.advanceTo(9);
        assertTrue(irq);
        assertEquals(1, t.read(CmsdkTimer.INTSTATUS, 4));
        assertEquals(0, t.read(CmsdkTimer.VALUE, 4));
        assertEquals(Long.MAX_VALUE, t.nextEventCycle()); // already pending
        now = 10;
        assertEquals(9, t.read(CmsdkTimer.VALUE, 4));  // reloaded one tick after reaching 0
        t.write(CmsdkTimer.INTSTATUS, 4, 1);
        assertFalse(irq);
        assertEquals(19, t.nextEventCycle());
        now = 25;
        assertEquals(4, t.read(CmsdkTimer.VALUE, 4));     // 0 at 19, 9 at 20
        assertEquals(1, t.read(CmsdkTimer.INTSTATUS, 4)); // the underflow at 19 was seen lazily
        assertTrue(changes > 0);
    }

    @Test
    void noInterruptWithoutIrqEnableAndOneShotWithZeroReload() {
        t.write(CmsdkTimer.VALUE, 4, 5);
        t.write(CmsdkTimer.CTRL, 4, CmsdkTimer.CTRL_EN);
        assertEquals(Long.MAX_VALUE, t.nextEventCycle());
        now = 100;
        assertEquals(0, t.read(CmsdkTimer.VALUE, 4));     // RELOAD 0: stops at 0
        assertEquals(0, t.read(CmsdkTimer.INTSTATUS, 4));
        t.write(CmsdkTimer.CTRL, 4, 0);
        t.write(CmsdkTimer.RELOAD, 4, 3);
        now = 200;
        assertEquals(3, t.read(CmsdkTimer.VALUE, 4));     // disabled: holds
        assertEquals(0x22, t.read(0xFE0, 4));
    }
}

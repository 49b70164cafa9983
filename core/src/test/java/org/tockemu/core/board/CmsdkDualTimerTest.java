package org.tockemu.core.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CmsdkDualTimerTest {
    long now;
    boolean irq;
    final CmsdkDualTimer d = new CmsdkDualTimer(() -> now, l -> irq = l, () -> { });

    static final int T2 = 0x20;

    @Test
    void resetState() {
        assertEquals(0x20, d.read(CmsdkDualTimer.CONTROL, 4));
        assertEquals(0xFFFFFFFF, d.read(CmsdkDualTimer.VALUE, 4)); // 16-bit mode, upper half from the register file
        assertEquals(0, d.read(CmsdkDualTimer.LOAD, 4));
        assertEquals(0x23, d.read(0xFE0, 4));
        now = 1000;
        assertEquals(0xFFFFFFFF, d.read(CmsdkDualTimer.VALUE, 4)); // not enabled
    }

    @Test
    void periodic32BitWithInterrupt() {
        d.write(CmsdkDualTimer.LOAD, 4, 99);
        d.write(CmsdkDualTimer.CONTROL, 4, CmsdkDualTimer.CTRL_ENABLE | CmsdkDualTimer.CTRL_PERIODIC
                | CmsdkDualTimer.CTRL_INTEN | CmsdkDualTimer.CTRL_SIZE32);
        assertEquals(99, d.read(CmsdkDualTimer.VALUE, 4));
        assertEquals(99, d.nextEventCycle());
        now = 99;
        d.advanceTo(99);
        assertTrue(irq);
        assertEquals(1, d.read(CmsdkDualTimer.RIS, 4));
        assertEquals(1, d.read(CmsdkDualTimer.MIS, 4));
        now = 100;
        assertEquals(99, d.read(CmsdkDualTimer.VALUE, 4)); // reloaded
        d.write(CmsdkDualTimer.INTCLR, 4, 1);
        assertFalse(irq);
        assertEquals(199, d.nextEventCycle());
    }

    @Test
    void freeRunning16BitWrapsAndPrescales() {
        d.write(CmsdkDualTimer.LOAD, 4, 0x12340005);
        d.write(CmsdkDualTimer.CONTROL, 4, CmsdkDualTimer.CTRL_ENABLE | (1 << 2)); // /16, free-running, 16-bit, INTEN off
        assertEquals(0x12340005, d.read(CmsdkDualTimer.VALUE, 4));
        now = 16 * 5;
        assertEquals(0x12340000, d.read(CmsdkDualTimer.VALUE, 4));
        now = 16 * 6;
        assertEquals(0x1234FFFF, d.read(CmsdkDualTimer.VALUE, 4));
        assertEquals(1, d.read(CmsdkDualTimer.RIS, 4)); // raw status without INTEN
        assertEquals(0, d.read(CmsdkDualTimer.MIS, 4));
        assertFalse(irq);
    }

    @Test
    void oneShotStopsAtZeroAndSecondTimerIsIndependent() {
        d.write(T2 + CmsdkDualTimer.LOAD, 4, 10);
        d.write(T2 + CmsdkDualTimer.CONTROL, 4, CmsdkDualTimer.CTRL_ENABLE | CmsdkDualTimer.CTRL_ONESHOT
                | CmsdkDualTimer.CTRL_SIZE32 | CmsdkDualTimer.CTRL_INTEN);
        now = 50;
        assertEquals(0, d.read(T2 + CmsdkDualTimer.VALUE, 4));
        assertTrue(irq);
        assertEquals(0, d.read(CmsdkDualTimer.RIS, 4));
        d.write(T2 + CmsdkDualTimer.INTCLR, 4, 1);
        assertFalse(irq);
        assertEquals(Long.MAX_VALUE, d.nextEventCycle());
        d.write(CmsdkDualTimer.ITCR, 4, 1);
        d.write(CmsdkDualTimer.ITOP, 4, 1);
        assertTrue(irq);
    }
}

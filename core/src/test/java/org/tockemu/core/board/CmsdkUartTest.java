package org.tockemu.core.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

class CmsdkUartTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final boolean[] tx = new boolean[1], rx = new boolean[1], txo = new boolean[1];

    CmsdkUart uart(byte[] input) {
        return new CmsdkUart("uart0", out, input == null ? null : new ByteArrayInputStream(input),
                l -> tx[0] = l, l -> rx[0] = l, l -> txo[0] = l, null);
    }

    @Test
    void transmitsWhenEnabled() {
        CmsdkUart u = uart(null);
        u.write(CmsdkUart.BAUDDIV, 4, 16);
        u.write(CmsdkUart.CTRL, 4, CmsdkUart.CTRL_TX_EN);
        for (char c : "ok\n".toCharArray()) {
            assertEquals(0, u.read(CmsdkUart.STATE, 4) & CmsdkUart.STATE_TXFULL);
            u.write(CmsdkUart.DATA, 4, c);
        }
        assertEquals("ok\n", out.toString());
        assertEquals(3, u.bytesSent());
        assertEquals(16, u.read(CmsdkUart.BAUDDIV, 4));
        assertEquals(0, u.read(CmsdkUart.INTSTATUS, 4)); // TX interrupt not enabled
    }

    @Test
    void disabledTransmitterHoldsTheByteThenOverruns() {
        CmsdkUart u = uart(null);
        u.write(CmsdkUart.DATA, 4, 'a');
        assertEquals(CmsdkUart.STATE_TXFULL, u.read(CmsdkUart.STATE, 4));
        u.write(CmsdkUart.DATA, 4, 'b');
        assertEquals(CmsdkUart.STATE_TXFULL | CmsdkUart.STATE_TXOVERRUN, u.read(CmsdkUart.STATE, 4));
        assertEquals("", out.toString());
        // overrun interrupt only when enabled
        assertFalse(txo[0]);
        u.write(CmsdkUart.CTRL, 4, CmsdkUart.CTRL_TXO_INTEN);
        assertTrue(txo[0]);
        assertEquals(CmsdkUart.INT_TXO, u.read(CmsdkUart.INTSTATUS, 4));
        u.write(CmsdkUart.STATE, 4, CmsdkUart.STATE_TXOVERRUN); // W1C
        assertFalse(txo[0]);
        assertEquals(CmsdkUart.STATE_TXFULL, u.read(CmsdkUart.STATE, 4));
    }

    @Test
    void txInterruptIsRaisedAndCleared() {
        CmsdkUart u = uart(null);
        u.write(CmsdkUart.CTRL, 4, CmsdkUart.CTRL_TX_EN | CmsdkUart.CTRL_TX_INTEN);
        u.write(CmsdkUart.DATA, 4, 'z');
        assertTrue(tx[0]);
        assertEquals(CmsdkUart.INT_TX, u.read(CmsdkUart.INTSTATUS, 4));
        u.write(CmsdkUart.INTSTATUS, 4, CmsdkUart.INT_TX);
        assertFalse(tx[0]);
        assertEquals(0, u.read(CmsdkUart.INTSTATUS, 4));
    }

    @Test
    void receivesPolledInput() {
        CmsdkUart u = uart("xy".getBytes());
        assertEquals(0, u.read(CmsdkUart.STATE, 4)); // RX disabled: nothing arrives
        u.write(CmsdkUart.CTRL, 4, CmsdkUart.CTRL_RX_EN | CmsdkUart.CTRL_RX_INTEN);
        assertEquals(CmsdkUart.STATE_RXFULL, u.read(CmsdkUart.STATE, 4));
        assertTrue(rx[0]);
        assertEquals('x', u.read(CmsdkUart.DATA, 4));
        u.write(CmsdkUart.INTSTATUS, 4, CmsdkUart.INT_RX);
        assertFalse(rx[0]);
        assertEquals(CmsdkUart.STATE_RXFULL, u.read(CmsdkUart.STATE, 4));
        assertEquals('y', u.read(CmsdkUart.DATA, 4));
        assertEquals(0, u.read(CmsdkUart.STATE, 4)); // input exhausted
    }

    @Test
    void idRegistersAndHoles() {
        CmsdkUart u = uart(null);
        assertEquals(0x04, u.read(0xFD0, 4));
        assertEquals(0x21, u.read(0xFE0, 4));
        assertEquals(0xb1, u.read(0xFFC, 4));
        assertEquals(0, u.read(0x20, 4));
        u.write(0xFE0, 4, 0x55);
        assertEquals(0x21, u.read(0xFE0, 4));
    }
}

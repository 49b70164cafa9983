package org.tockemu.core.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.tockemu.core.mem.MmioDevice;

/**
 * The Cortex-M System Design Kit APB UART (ARM DDI0479C), register-compatible with QEMU's
 * cmsdk-apb-uart model: DATA, STATE, CTRL, INTSTATUS/INTCLEAR, BAUDDIV and the ID registers.
 *
 * <p>Transmission is instantaneous: a byte written to DATA with TX enabled goes straight to the
 * output stream, TXFULL never stays set and the TX interrupt (when enabled) is raised at once, as
 * QEMU does with a non-blocking backend. A byte written while TX is disabled stays in the buffer
 * (TXFULL set) and is never sent, as in QEMU. Reception is polled: with RX enabled and the buffer
 * empty, reading STATE or DATA takes the next byte the input stream has available
 * ({@link InputStream#available()}) without blocking; and a core sleeping with nothing else to
 * wake it waits for the next byte when RX and its interrupt are enabled ({@link #awaitInput}).
 */
public final class CmsdkUart implements MmioDevice {
    public static final int DATA = 0x0, STATE = 0x4, CTRL = 0x8, INTSTATUS = 0xC, BAUDDIV = 0x10;
    public static final int STATE_TXFULL = 1, STATE_RXFULL = 2, STATE_TXOVERRUN = 4, STATE_RXOVERRUN = 8;
    public static final int CTRL_TX_EN = 1, CTRL_RX_EN = 2, CTRL_TX_INTEN = 4, CTRL_RX_INTEN = 8,
            CTRL_TXO_INTEN = 16, CTRL_RXO_INTEN = 32, CTRL_HSTEST = 64;
    public static final int INT_TX = 1, INT_RX = 2, INT_TXO = 4, INT_RXO = 8;

    private static final int[] ID = {
        0x04, 0x00, 0x00, 0x00, // PID4..PID7
        0x21, 0xb8, 0x1b, 0x00, // PID0..PID3
        0x0d, 0xf0, 0x05, 0xb1, // CID0..CID3
    };

    private final String name;
    private final OutputStream out;
    private final InputStream in;
    private final IrqLine txIrq, rxIrq, txOverrunIrq, rxOverrunIrq;

    private int state, ctrl, intStatus, baudDiv, txBuf, rxBuf;
    private long bytesSent;

    /**
     * @param out where transmitted bytes go (null: discarded, like QEMU's {@code -serial none})
     * @param in where received bytes come from (null: nothing is ever received)
     */
    public CmsdkUart(String name, OutputStream out, InputStream in, IrqLine txIrq, IrqLine rxIrq,
                     IrqLine txOverrunIrq, IrqLine rxOverrunIrq) {
        this.name = name;
        this.out = out;
        this.in = in;
        this.txIrq = txIrq == null ? IrqLine.NONE : txIrq;
        this.rxIrq = rxIrq == null ? IrqLine.NONE : rxIrq;
        this.txOverrunIrq = txOverrunIrq == null ? IrqLine.NONE : txOverrunIrq;
        this.rxOverrunIrq = rxOverrunIrq == null ? IrqLine.NONE : rxOverrunIrq;
    }

    public CmsdkUart(String name, OutputStream out, InputStream in) {
        this(name, out, in, null, null, null, null);
    }

    @Override public String name() { return name; }

    /** Number of bytes transmitted so far. */
    public long bytesSent() { return bytesSent; }

    public void reset() {
        state = ctrl = intStatus = baudDiv = txBuf = rxBuf = 0;
        update();
    }

    @Override
    public int read(int offset, int size) {
        switch (offset) {
            case DATA: {
                pollReceive();
                int r = rxBuf;
                state &= ~STATE_RXFULL;
                update();
                return r;
            }
            case STATE:
                pollReceive();
                return state;
            case CTRL: return ctrl;
            case INTSTATUS: return intStatus;
            case BAUDDIV: return baudDiv;
            default:
                if (offset >= 0xFD0 && offset <= 0xFFC && (offset & 3) == 0) return ID[(offset - 0xFD0) >> 2];
                return 0; // QEMU: "bad offset", reads as zero
        }
    }

    @Override
    public void write(int offset, int size, int value) {
        switch (offset) {
            case DATA:
                txBuf = value & 0xFF;
                if ((state & STATE_TXFULL) != 0) {
                    state |= STATE_TXOVERRUN;
                    update();
                } else {
                    state |= STATE_TXFULL;
                    transmit();
                }
                break;
            case STATE:
                state &= ~(value & (STATE_TXOVERRUN | STATE_RXOVERRUN));
                update();
                break;
            case CTRL:
                ctrl = value & 0x7F;
                update();
                break;
            case INTSTATUS:
                state &= ~(value & (INT_TXO | INT_RXO));
                intStatus &= ~value;
                update();
                break;
            case BAUDDIV:
                baudDiv = value & 0xFFFFF;
                break;
            default:
                break; // read-only ID registers and holes: ignored
        }
    }

    private void transmit() {
        if ((ctrl & CTRL_TX_EN) == 0 || (state & STATE_TXFULL) == 0) return;
        if (out != null) {
            try {
                out.write(txBuf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        bytesSent++;
        state &= ~STATE_TXFULL;
        if ((ctrl & CTRL_TX_INTEN) != 0) intStatus |= INT_TX;
        update();
    }

    /**
     * Called when the core sleeps with nothing else to wake it: if this UART waits for input with
     * its RX interrupt enabled, blocks until a byte arrives and receives it (raising the RX
     * interrupt). Returns false at end of input or when the UART is not waiting.
     */
    public boolean awaitInput() {
        if (in == null || (ctrl & (CTRL_RX_EN | CTRL_RX_INTEN)) != (CTRL_RX_EN | CTRL_RX_INTEN) || (state & STATE_RXFULL) != 0) {
            return false;
        }
        try {
            if (out != null) out.flush();
            int b = in.read();
            if (b < 0) return false;
            receive(b);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void receive(int b) {
        rxBuf = b & 0xFF;
        state |= STATE_RXFULL;
        if ((ctrl & CTRL_RX_INTEN) != 0) intStatus |= INT_RX;
        update();
    }

    private void pollReceive() {
        if (in == null || (ctrl & CTRL_RX_EN) == 0 || (state & STATE_RXFULL) != 0) return;
        try {
            if (in.available() <= 0) return;
            int b = in.read();
            if (b < 0) return;
            receive(b);
        } catch (IOException e) {
            // no input: nothing received
        }
    }

    /** Overrun interrupt status mirrors STATE & the overrun enables; drives the IRQ lines. */
    private void update() {
        int omask = INT_RXO | INT_TXO;
        intStatus = (intStatus & ~omask) | (state & (ctrl >>> 2) & omask);
        txIrq.set((intStatus & INT_TX) != 0);
        rxIrq.set((intStatus & INT_RX) != 0);
        txOverrunIrq.set((intStatus & INT_TXO) != 0);
        rxOverrunIrq.set((intStatus & INT_RXO) != 0);
    }
}

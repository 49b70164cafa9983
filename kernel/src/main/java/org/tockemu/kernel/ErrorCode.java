package org.tockemu.kernel;

/** Tock's ErrorCode values (kernel/src/errorcode.rs), as returned in r1 of a Failure variant. */
public final class ErrorCode {
    public static final int FAIL = 1, BUSY = 2, ALREADY = 3, OFF = 4, RESERVE = 5, INVAL = 6, SIZE = 7, CANCEL = 8,
            NOMEM = 9, NOSUPPORT = 10, NODEVICE = 11, UNINSTALLED = 12, NOACK = 13;

    private ErrorCode() {}

    public static String name(int code) {
        switch (code) {
            case FAIL: return "FAIL";
            case BUSY: return "BUSY";
            case ALREADY: return "ALREADY";
            case OFF: return "OFF";
            case RESERVE: return "RESERVE";
            case INVAL: return "INVAL";
            case SIZE: return "SIZE";
            case CANCEL: return "CANCEL";
            case NOMEM: return "NOMEM";
            case NOSUPPORT: return "NOSUPPORT";
            case NODEVICE: return "NODEVICE";
            case UNINSTALLED: return "UNINSTALLED";
            case NOACK: return "NOACK";
            default: return "ERROR(" + code + ")";
        }
    }
}

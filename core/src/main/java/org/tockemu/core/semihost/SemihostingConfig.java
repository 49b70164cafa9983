package org.tockemu.core.semihost;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Host side of ARM semihosting: where the guest's console goes, which files it may touch, its
 * command line and clock. Defaults: console on stdout (and the error console too), no input,
 * no file access, empty command line, 25 MHz clock.
 */
public final class SemihostingConfig {
    /** ":tt" opened for writing ("w" modes). */
    public OutputStream stdout = System.out;
    /**
     * SYS_WRITEC, SYS_WRITE0 and ":tt" opened for appending ("a" modes); QEMU sends these to its
     * stderr. Null: the same stream as {@link #stdout}.
     */
    public OutputStream stderr = null;
    /** ":tt" opened for reading, SYS_READC. */
    public InputStream stdin = InputStream.nullInputStream();
    /** Directory the guest may open files under (relative names only); null: no file access. */
    public Path root = null;
    /** Returned by SYS_GET_CMDLINE. */
    public String cmdline = "";
    /** Clock of the cycle counter: SYS_TICKFREQ, and the base of SYS_CLOCK and SYS_TIME. */
    public long clockHz = 25_000_000L;
    /** SYS_TIME at cycle 0 (seconds since 1970): fixed so runs are deterministic. 2025-01-01T00:00:00Z. */
    public long epochSeconds = 1_735_689_600L;
    /** What SYS_ISTTY answers for the console: false, as QEMU does when its output is captured. */
    public boolean consoleIsTty = false;
    /** The four SYS_HEAPINFO words: heap base, heap limit, stack base, stack limit. */
    public int[] heapInfo = {0, 0, 0, 0};
}

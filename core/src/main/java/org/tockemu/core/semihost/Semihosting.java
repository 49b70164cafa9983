package org.tockemu.core.semihost;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.BusError;
import org.tockemu.core.mem.Region;

/**
 * ARM semihosting (Semihosting for AArch32 and AArch64, release 2.0) for a 32-bit Thumb guest,
 * entered with {@code BKPT 0xAB}: r0 holds the operation, r1 the parameter (usually the address
 * of a block of 32-bit words), the result goes to r0. Return values, handle numbers and error
 * numbers follow QEMU's arm-compat-semi.c so that programs behave the same on both; the
 * differences are deliberate and deterministic:
 * <ul>
 * <li>time is virtual: SYS_CLOCK, SYS_TIME, SYS_ELAPSED and SYS_TICKFREQ derive from the cycle
 *     counter and the board clock (QEMU reads host clocks);</li>
 * <li>files exist only under an explicit sandbox directory ({@link SemihostingConfig#root}):
 *     anything else fails with EACCES; SYS_REMOVE, SYS_RENAME, SYS_SYSTEM and SYS_TMPNAM always
 *     fail;</li>
 * <li>the console is never a tty (QEMU answers from the host's stdout, which is a file or pipe
 *     whenever output is captured) unless configured, and its length is 0;</li>
 * <li>an unknown operation stops the guest with a failure instead of aborting the emulator.</li>
 * </ul>
 * Guest memory is accessed physically through the bus (no MPU check), like QEMU's debug accesses;
 * an unmapped parameter block or buffer fails the call with EFAULT.
 */
public final class Semihosting {
    public static final int SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
            SYS_READ = 0x06, SYS_READC = 0x07, SYS_ISERROR = 0x08, SYS_ISTTY = 0x09, SYS_SEEK = 0x0a, SYS_FLEN = 0x0c,
            SYS_TMPNAM = 0x0d, SYS_REMOVE = 0x0e, SYS_RENAME = 0x0f, SYS_CLOCK = 0x10, SYS_TIME = 0x11, SYS_SYSTEM = 0x12,
            SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15, SYS_HEAPINFO = 0x16, SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20,
            SYS_ELAPSED = 0x30, SYS_TICKFREQ = 0x31;

    /** The only "normal" SYS_EXIT reason. */
    public static final int ADP_STOPPED_APPLICATION_EXIT = 0x20026;

    /** The BKPT immediate that means a semihosting call in Thumb state. */
    public static final int BKPT_IMM = 0xAB;

    // errno values reported by SYS_ERRNO (Linux/newlib numbering, as QEMU on Linux reports them)
    public static final int EPERM = 1, ENOENT = 2, EIO = 5, E2BIG = 7, EBADF = 9, EACCES = 13, EFAULT = 14, EEXIST = 17,
            EISDIR = 21, EINVAL = 22, ENOTTY = 25, ESPIPE = 29;

    /** r0 after calls with no defined result (SYS_WRITEC, SYS_WRITE0), as QEMU sets it. */
    public static final int NO_RESULT = 0xdeadbeef;

    private static final byte[] FEATURES = {0x53, 0x48, 0x46, 0x42, 0x03}; // "SHFB", EXIT_EXTENDED | STDOUT_STDERR
    private static final int MAX_STRING = 4096;
    /** Largest SYS_READ/SYS_WRITE transfer accepted (bigger than any RAM of the board). */
    private static final int MAX_TRANSFER = 64 << 20;

    private final SemihostingConfig cfg;
    private final OutputStream stdout, stderr;
    private final Path root;
    private final List<Handle> handles = new ArrayList<>();
    private int errno;
    private boolean exited;
    private int exitStatus;
    private String failure;
    private long calls;

    public Semihosting(SemihostingConfig cfg) {
        this.cfg = cfg;
        this.stdout = cfg.stdout == null ? OutputStream.nullOutputStream() : cfg.stdout;
        this.stderr = cfg.stderr == null ? this.stdout : cfg.stderr;
        Path r = null;
        if (cfg.root != null) {
            try {
                r = cfg.root.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("semihosting root " + cfg.root + ": " + e.getMessage(), e);
            }
            if (!Files.isDirectory(r)) throw new IllegalArgumentException("semihosting root " + cfg.root + " is not a directory");
        }
        this.root = r;
        handles.add(null); // handle 0 is never valid
    }

    /** True once the guest called SYS_EXIT or SYS_EXIT_EXTENDED (or an unsupported operation). */
    public boolean exited() { return exited; }

    /** The exit status the guest asked for, as QEMU passes it to exit(3) (0 = success). */
    public int exitStatus() { return exitStatus; }

    /** Non-null when the guest stopped on an unsupported operation. */
    public String failure() { return failure; }

    /** Number of semihosting calls handled. */
    public long calls() { return calls; }

    /** The last error number (SYS_ERRNO). */
    public int errno() { return errno; }

    /** Closes all host files the guest left open. */
    public void closeAll() {
        for (int i = 1; i < handles.size(); i++) {
            Handle h = handles.get(i);
            if (h != null) h.close();
            handles.set(i, null);
        }
    }

    /**
     * Performs the semihosting call described by cpu.r[0] and cpu.r[1], writing the result to
     * cpu.r[0]. An exit stops the CPU with {@link StopReason#HALT} at the next boundary.
     */
    public void call(Cpu cpu) {
        calls++;
        int op = cpu.r[0];
        int args = cpu.r[1];
        Bus bus = cpu.bus;
        try {
            cpu.r[0] = dispatch(cpu, bus, op, args);
        } catch (GuestMemoryFault f) {
            errno = EFAULT;
            cpu.r[0] = -1;
        }
    }

    private int dispatch(Cpu cpu, Bus bus, int op, int args) {
        switch (op) {
            case SYS_OPEN: return open(bus, arg(bus, args, 0), arg(bus, args, 1), arg(bus, args, 2));
            case SYS_CLOSE: {
                int h = arg(bus, args, 0);
                Handle handle = handle(h);
                if (handle == null) return fail(EBADF);
                handle.close();
                handles.set(h, null);
                return 0;
            }
            case SYS_WRITEC: {
                int c;
                try {
                    c = bus.read(args, 1);
                } catch (BusError e) {
                    return NO_RESULT;
                }
                emit(stderr, new byte[] {(byte) c}, 1);
                return NO_RESULT;
            }
            case SYS_WRITE0: {
                byte[] s;
                try {
                    s = readString(bus, args, Integer.MAX_VALUE);
                } catch (GuestMemoryFault f) {
                    return NO_RESULT;
                }
                emit(stderr, s, s.length);
                return NO_RESULT;
            }
            case SYS_WRITE: return write(bus, arg(bus, args, 0), arg(bus, args, 1), arg(bus, args, 2));
            case SYS_READ: return read(bus, arg(bus, args, 0), arg(bus, args, 1), arg(bus, args, 2));
            case SYS_READC: {
                try {
                    flushOutputs();
                    int c = cfg.stdin == null ? -1 : cfg.stdin.read();
                    return c < 0 ? fail(EIO) : c;
                } catch (IOException e) {
                    return fail(EIO);
                }
            }
            case SYS_ISERROR: return arg(bus, args, 0) < 0 ? 1 : 0;
            case SYS_ISTTY: {
                Handle h = handle(arg(bus, args, 0));
                if (h == null) return fail(EBADF);
                if (h.isTty()) return 1;
                errno = ENOTTY;
                return 0;
            }
            case SYS_SEEK: {
                Handle h = handle(arg(bus, args, 0));
                int pos = arg(bus, args, 1);
                if (h == null) return fail(EBADF);
                int err = h.seek(Integer.toUnsignedLong(pos));
                return err == 0 ? 0 : fail(err);
            }
            case SYS_FLEN: {
                Handle h = handle(arg(bus, args, 0));
                if (h == null) return fail(EBADF);
                long len = h.length();
                if (len < 0) return fail((int) -len);
                if (len > Integer.MAX_VALUE) return fail(EIO);
                return (int) len;
            }
            case SYS_TMPNAM: return -1;
            case SYS_REMOVE:
            case SYS_RENAME:
            case SYS_SYSTEM:
                return fail(EACCES);
            case SYS_CLOCK: return (int) muldiv(cpu.cycles, 100, cfg.clockHz);
            case SYS_TIME: return (int) (cfg.epochSeconds + cpu.cycles / cfg.clockHz);
            case SYS_ERRNO: return errno;
            case SYS_GET_CMDLINE: return getCmdline(bus, args);
            case SYS_HEAPINFO: {
                int block = arg(bus, args, 0);
                for (int i = 0; i < 4; i++) put(bus, block + 4 * i, cfg.heapInfo[i]);
                return 0;
            }
            case SYS_EXIT:
                exit(cpu, args == ADP_STOPPED_APPLICATION_EXIT ? 0 : 1);
                return cpu.r[0];
            case SYS_EXIT_EXTENDED: {
                int reason = arg(bus, args, 0);
                int code = arg(bus, args, 1);
                exit(cpu, reason == ADP_STOPPED_APPLICATION_EXIT ? code : 1);
                return cpu.r[0];
            }
            case SYS_ELAPSED: {
                long t = cpu.cycles;
                put(bus, args, (int) t);
                put(bus, args + 4, (int) (t >>> 32));
                return 0;
            }
            case SYS_TICKFREQ: return (int) cfg.clockHz;
            default:
                failure = String.format("unsupported semihosting operation 0x%02x (r1 = 0x%08x) at pc 0x%08x", op, args, cpu.pc);
                exit(cpu, 134);
                return cpu.r[0];
        }
    }

    private void exit(Cpu cpu, int status) {
        flushOutputs();
        exited = true;
        exitStatus = status;
        cpu.requestStop(StopReason.HALT);
    }

    private int fail(int err) {
        errno = err;
        return -1;
    }

    // ------------------------------------------------------------------ open / read / write

    private int open(Bus bus, int namePtr, int mode, int len) {
        String name = new String(readString(bus, namePtr, MAX_STRING), StandardCharsets.ISO_8859_1);
        if (Integer.compareUnsigned(mode, 12) >= 0) return fail(EINVAL);
        Handle h;
        if (name.equals(":tt")) {
            if (mode < 4) h = new ConsoleIn();
            else if (mode < 8) h = new ConsoleOut(stdout);
            else h = new ConsoleOut(stderr);
        } else if (name.equals(":semihosting-features")) {
            if (mode != 0 && mode != 1) return fail(EACCES);
            h = new StaticFile(FEATURES);
        } else {
            Object r = openHostFile(name, mode);
            if (r instanceof Integer err) return fail(err);
            h = (Handle) r;
        }
        return allocate(h);
    }

    private int allocate(Handle h) {
        for (int i = 1; i < handles.size(); i++) {
            if (handles.get(i) == null) {
                handles.set(i, h);
                return i;
            }
        }
        handles.add(h);
        return handles.size() - 1;
    }

    private Handle handle(int h) {
        return h > 0 && h < handles.size() ? handles.get(h) : null;
    }

    /** A HostFile, or an Integer errno. */
    private Object openHostFile(String name, int mode) {
        if (root == null || name.isEmpty() || name.indexOf('\0') >= 0) return EACCES;
        Path p;
        try {
            Path rel = Path.of(name);
            if (rel.isAbsolute()) return EACCES;
            p = root.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            return ENOENT;
        }
        if (!p.startsWith(root) || p.equals(root)) return EACCES;
        try {
            // Symbolic links must not lead out of the sandbox either.
            Path real = Files.exists(p) ? p.toRealPath() : p.getParent().toRealPath().resolve(p.getFileName());
            if (!real.startsWith(root)) return EACCES;
            if (Files.isDirectory(real)) return EISDIR;
            int kind = mode >>> 2; // 0 r, 1 w, 2 a
            boolean plus = (mode & 2) != 0;
            Set<StandardOpenOption> opts = EnumSet.noneOf(StandardOpenOption.class);
            if (kind == 0 || plus) opts.add(StandardOpenOption.READ);
            if (kind != 0 || plus) opts.add(StandardOpenOption.WRITE);
            if (kind != 0) opts.add(StandardOpenOption.CREATE);
            if (kind == 1) opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            FileChannel ch = FileChannel.open(real, opts);
            return new HostFile(ch, kind == 2);
        } catch (NoSuchFileException e) {
            return ENOENT;
        } catch (AccessDeniedException e) {
            return EACCES;
        } catch (FileAlreadyExistsException e) {
            return EEXIST;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return EIO;
        }
    }

    private int write(Bus bus, int h, int buf, int len) {
        Handle handle = handle(h);
        if (handle == null) {
            errno = EBADF;
            return len;
        }
        if (len == 0) return 0;
        if (len < 0 || len > MAX_TRANSFER) {
            errno = EFAULT; // larger than any memory on the board
            return len;
        }
        byte[] data;
        try {
            data = readBytes(bus, buf, len);
        } catch (GuestMemoryFault f) {
            errno = EFAULT;
            return len;
        }
        int n = handle.write(data, len);
        if (n < 0) {
            errno = -n;
            return len;
        }
        return len - n;
    }

    private int read(Bus bus, int h, int buf, int len) {
        Handle handle = handle(h);
        if (handle == null) {
            errno = EBADF;
            return len;
        }
        if (len == 0) return 0;
        if (len < 0 || len > MAX_TRANSFER || !writableMemory(bus, buf, len)) {
            errno = EFAULT;
            return len;
        }
        byte[] data = new byte[Math.min(len, 1 << 20)];
        int n = handle.read(data, data.length);
        if (n < 0) {
            errno = -n;
            return len;
        }
        for (int i = 0; i < n; i++) bus.write(buf + i, 1, data[i]);
        return len - n;
    }

    private int getCmdline(Bus bus, int args) {
        int buf = arg(bus, args, 0);
        int size = arg(bus, args, 1);
        byte[] s = cfg.cmdline == null ? new byte[0] : cfg.cmdline.getBytes(StandardCharsets.UTF_8);
        if (Integer.toUnsignedLong(size) < s.length + 1L) return fail(E2BIG);
        put(bus, args + 4, s.length);
        if (!writableMemory(bus, buf, s.length + 1)) throw GuestMemoryFault.INSTANCE;
        for (int i = 0; i < s.length; i++) bus.write(buf + i, 1, s[i]);
        bus.write(buf + s.length, 1, 0);
        return 0;
    }

    // ------------------------------------------------------------------ console output ordering

    /**
     * Writes to a console stream. Output for the error console is written through at once, after
     * flushing the (possibly buffered) standard console, so both keep program order when merged.
     */
    private int emit(OutputStream out, byte[] data, int len) {
        try {
            if (out != stdout) stdout.flush();
            out.write(data, 0, len);
            if (out != stdout) out.flush();
            return len;
        } catch (IOException e) {
            return -EIO;
        }
    }

    private void flushOutputs() {
        try {
            stdout.flush();
            if (stderr != stdout) stderr.flush();
        } catch (IOException e) {
            // nothing to report to the guest here
        }
    }

    // ------------------------------------------------------------------ guest memory

    /** Stackless signal that a guest address could not be accessed (EFAULT). */
    private static final class GuestMemoryFault extends RuntimeException {
        static final GuestMemoryFault INSTANCE = new GuestMemoryFault();

        private GuestMemoryFault() { super("guest memory fault", null, false, false); }
    }

    private static int arg(Bus bus, int block, int n) {
        try {
            return bus.read(block + 4 * n, 4);
        } catch (BusError e) {
            throw GuestMemoryFault.INSTANCE;
        }
    }

    private static void put(Bus bus, int addr, int value) {
        try {
            bus.write(addr, 4, value);
        } catch (BusError e) {
            throw GuestMemoryFault.INSTANCE;
        }
    }

    private static byte[] readString(Bus bus, int addr, int max) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            for (int i = 0; i < max; i++) {
                int c = bus.read(addr + i, 1);
                if (c == 0) return out.toByteArray();
                out.write(c);
            }
        } catch (BusError e) {
            throw GuestMemoryFault.INSTANCE;
        }
        return out.toByteArray();
    }

    private static byte[] readBytes(Bus bus, int addr, int len) {
        byte[] b = new byte[len];
        try {
            for (int i = 0; i < len; i++) b[i] = (byte) bus.read(addr + i, 1);
        } catch (BusError e) {
            throw GuestMemoryFault.INSTANCE;
        }
        return b;
    }

    /** True when [addr, addr+len) is writable RAM. */
    private static boolean writableMemory(Bus bus, int addr, int len) {
        long a = Integer.toUnsignedLong(addr), end = a + Integer.toUnsignedLong(len);
        if (end > 0x1_0000_0000L) return false;
        while (a < end) {
            Region r = bus.find((int) a);
            if (r == null || !r.isMemory() || !r.writable) return false;
            a = Integer.toUnsignedLong(r.base) + Integer.toUnsignedLong(r.size);
        }
        return true;
    }

    static long muldiv(long a, long mul, long div) { return a / div * mul + a % div * mul / div; }

    // ------------------------------------------------------------------ handles

    private abstract static class Handle {
        /** Bytes read (0 at end of file) or -errno. */
        int read(byte[] b, int len) { return -EBADF; }

        /** Bytes written or -errno. */
        int write(byte[] b, int len) { return -EBADF; }

        /** 0 or errno. */
        int seek(long pos) { return ESPIPE; }

        /** Length or -errno. */
        long length() { return 0; }

        boolean isTty() { return false; }

        void close() { }
    }

    private final class ConsoleIn extends Handle {
        @Override int read(byte[] b, int len) {
            if (cfg.stdin == null) return 0;
            try {
                flushOutputs();
                int n = cfg.stdin.read(b, 0, len);
                return Math.max(n, 0);
            } catch (IOException e) {
                return -EIO;
            }
        }

        @Override boolean isTty() { return cfg.consoleIsTty; }
    }

    private final class ConsoleOut extends Handle {
        private final OutputStream out;

        ConsoleOut(OutputStream out) { this.out = out; }

        @Override int write(byte[] b, int len) { return emit(out, b, len); }

        @Override boolean isTty() { return cfg.consoleIsTty; }
    }

    private static final class StaticFile extends Handle {
        private final byte[] data;
        private int pos;

        StaticFile(byte[] data) { this.data = data; }

        @Override int read(byte[] b, int len) {
            int n = Math.max(0, Math.min(len, data.length - pos));
            System.arraycopy(data, pos, b, 0, n);
            pos += n;
            return n;
        }

        @Override int seek(long p) {
            if (p > data.length) return EINVAL;
            pos = (int) p;
            return 0;
        }

        @Override long length() { return data.length; }
    }

    private static final class HostFile extends Handle {
        private final FileChannel ch;
        private final boolean append;

        HostFile(FileChannel ch, boolean append) {
            this.ch = ch;
            this.append = append;
        }

        @Override int read(byte[] b, int len) {
            try {
                int n = ch.read(ByteBuffer.wrap(b, 0, len));
                return Math.max(n, 0);
            } catch (java.nio.channels.NonReadableChannelException e) {
                return -EBADF;
            } catch (IOException e) {
                return -EIO;
            }
        }

        @Override int write(byte[] b, int len) {
            try {
                if (append) ch.position(ch.size());
                ByteBuffer buf = ByteBuffer.wrap(b, 0, len);
                while (buf.hasRemaining()) ch.write(buf);
                return len;
            } catch (java.nio.channels.NonWritableChannelException e) {
                return -EBADF;
            } catch (IOException e) {
                return -EIO;
            }
        }

        @Override int seek(long pos) {
            try {
                ch.position(pos);
                return 0;
            } catch (IOException e) {
                return EIO;
            }
        }

        @Override long length() {
            try {
                return ch.size();
            } catch (IOException e) {
                return -EIO;
            }
        }

        @Override void close() {
            try {
                ch.close();
            } catch (IOException e) {
                // closing a file we only read or wrote through the channel: nothing to recover
            }
        }
    }
}

package org.tockemu.core.mpu;

import org.tockemu.core.cpu.Access;
import org.tockemu.core.cpu.Cpu;

/**
 * PMSAv7 memory protection unit of a Cortex-M4 (ARMv7-M ARM B3.5): 8 regions with RBAR/RASR,
 * sizes 32 B..4 GiB, 8 subregions (SRD) for regions of 256 B and more, AP/XN, ENABLE,
 * PRIVDEFENA and HFNMIENA; the highest-numbered matching region wins.
 *
 * <p>Every register change recomputes a small sorted table of address segments with the
 * permissions of both privilege levels ({@link MpuSegments}); {@link #allows} is a binary search
 * in it. Two tables exist: the programmed one and the default memory map (MPU off, or running at
 * negative priority without HFNMIENA); {@link #setNegativePriority} switches between them.
 *
 * <p>The PPB (0xE0000000-0xE00FFFFF) always uses the default memory map (read/write for both
 * levels here: the System Control Space itself refuses unprivileged accesses with a BusFault).
 * Vector table reads bypass the MPU (the exception unit reads the bus directly).
 *
 * <p>UNPREDICTABLE cases, resolved like QEMU: a region whose base is not aligned to its size is
 * ignored; SIZE values below 4 disable the region; SRD is ignored for regions smaller than 256 B;
 * AP=0b100 gives no access.
 */
public final class Mpu {
    public static final int NUM_REGIONS = 8;
    public static final int TYPE = NUM_REGIONS << 8;
    public static final int CTRL_ENABLE = 1, CTRL_HFNMIENA = 2, CTRL_PRIVDEFENA = 4;
    public static final int RBAR_VALID = 1 << 4;
    public static final int RASR_MASK = 0x173FFF3F;

    private final Cpu cpu;
    private final int[] rbar = new int[NUM_REGIONS];
    private final int[] rasr = new int[NUM_REGIONS];
    private int ctrl, rnr;
    private boolean negativePriority;
    private boolean lastCheckPrivileged = true;
    /** Registers changed since the table was built. */
    private boolean dirty;

    private MpuSegments programmed = MpuSegments.defaultMap();
    private final MpuSegments defaultMap = MpuSegments.defaultMap();
    /** The table checks use now. */
    private MpuSegments active = defaultMap;

    public Mpu(Cpu cpu) { this.cpu = cpu; }

    // ------------------------------------------------------------------ checks (hot)

    /** True when an access of kind (Access.READ/WRITE/EXECUTE) at addr is permitted at the given privilege. */
    public boolean allows(int addr, int kind, boolean privileged) {
        lastCheckPrivileged = privileged;
        MpuSegments s = dirty ? rebuild() : active;
        return (s.perms[s.find(addr)] & MpuSegments.bit(kind, privileged)) != 0;
    }

    /**
     * The maximal range around addr with the same permission for this access kind, packed as
     * (start & 0xFFFFFFFFL) | ((long) length << 32); length 0 when the access is not permitted.
     * A length of 2^32 is reported as 0xFFFFFFE0 (callers clip to a memory region anyway).
     */
    public long span(int addr, int kind, boolean privileged) {
        return (dirty ? rebuild() : active).span(addr, MpuSegments.bit(kind, privileged));
    }

    /**
     * The privilege of the most recent {@link #allows} check. The CPU checks every slow-path
     * access right before handing it to the bus, so a device (the System Control Space) can tell
     * an LDRT/STRT from privileged code (checked as unprivileged) from a plain access.
     */
    public boolean lastCheckPrivileged() { return lastCheckPrivileged; }

    // ------------------------------------------------------------------ state

    /** MPU_CTRL.ENABLE and not suspended by negative execution priority without HFNMIENA. */
    public boolean effectivelyEnabled() { return (dirty ? rebuild() : active) != defaultMap; }

    /** The segment table checks currently use (programmed map or default map). */
    public MpuSegments segments() { return dirty ? rebuild() : active; }

    /** The table of the programmed configuration (what applies when the MPU is on). */
    public MpuSegments programmedSegments() {
        if (dirty) rebuild();
        return programmed;
    }

    /**
     * Told by the exception unit whether the execution priority is negative (HardFault, NMI,
     * FAULTMASK): then the MPU is bypassed unless HFNMIENA is set.
     */
    public void setNegativePriority(boolean negative) {
        if (negative == negativePriority) return;
        negativePriority = negative;
        if (!dirty) selectActive();
    }

    public void reset() {
        java.util.Arrays.fill(rbar, 0);
        java.util.Arrays.fill(rasr, 0);
        ctrl = 0;
        rnr = 0;
        negativePriority = false;
        lastCheckPrivileged = true;
        recompute();
    }

    // A few recently built tables, so a kernel switching between processes does not rebuild them.
    private static final int CACHE = 16;
    private final int[][] cacheKeys = new int[CACHE][];
    private final MpuSegments[] cacheValues = new MpuSegments[CACHE];
    private int cacheNext;

    private MpuSegments lookup() {
        boolean pde = (ctrl & CTRL_PRIVDEFENA) != 0;
        outer:
        for (int i = 0; i < CACHE; i++) {
            int[] k = cacheKeys[i];
            if (k == null || (k[2 * NUM_REGIONS] != 0) != pde) continue;
            for (int n = 0; n < NUM_REGIONS; n++) if (k[2 * n] != rbar[n] || k[2 * n + 1] != rasr[n]) continue outer;
            return cacheValues[i];
        }
        MpuSegments s = MpuSegments.build(rbar, rasr, pde);
        int[] k = new int[2 * NUM_REGIONS + 1];
        for (int n = 0; n < NUM_REGIONS; n++) { k[2 * n] = rbar[n]; k[2 * n + 1] = rasr[n]; }
        k[2 * NUM_REGIONS] = pde ? 1 : 0;
        cacheKeys[cacheNext] = k;
        cacheValues[cacheNext] = s;
        cacheNext = (cacheNext + 1) % CACHE;
        return s;
    }

    /**
     * A register changed: the windows are dropped now, the table is rebuilt at the next check (a
     * kernel writing eight RBAR/RASR pairs builds one table, not sixteen).
     */
    private void recompute() {
        dirty = true;
        cpu.invalidateWindows();
    }

    private MpuSegments rebuild() {
        dirty = false;
        programmed = lookup();
        active = null; // force a switch (and window invalidation)
        selectActive();
        return active;
    }

    private void selectActive() {
        boolean on = (ctrl & CTRL_ENABLE) != 0 && (!negativePriority || (ctrl & CTRL_HFNMIENA) != 0);
        MpuSegments next = on ? programmed : defaultMap;
        if (next != active) {
            active = next;
            cpu.invalidateWindows();
        }
    }

    // ------------------------------------------------------------------ registers (0xE000ED90..)

    public int readType() { return TYPE; }

    public int readCtrl() { return ctrl; }

    public void writeCtrl(int value) {
        ctrl = value & 7;
        recompute();
    }

    public int readRnr() { return rnr; }

    public void writeRnr(int value) {
        if (Integer.compareUnsigned(value, NUM_REGIONS) < 0) rnr = value; // out of range: UNPREDICTABLE, ignored (QEMU)
    }

    public int readRbar() { return (rbar[rnr] & ~0x1F) | (rnr & 0xF); }

    public void writeRbar(int value) {
        int region = rnr;
        if ((value & RBAR_VALID) != 0) {
            region = value & 0xF;
            if (region >= NUM_REGIONS) return; // UNPREDICTABLE, ignored (QEMU)
            rnr = region;
        }
        rbar[region] = value & ~0x1F;
        recompute();
    }

    public int readRasr() { return rasr[rnr]; }

    public void writeRasr(int value) {
        rasr[rnr] = value & RASR_MASK;
        recompute();
    }

    /** Register read at an offset from 0xE000ED90 (TYPE, CTRL, RNR, RBAR, RASR and the A1..A3 aliases). */
    public int readRegister(int offset) {
        switch (offset) {
            case 0x00: return readType();
            case 0x04: return readCtrl();
            case 0x08: return readRnr();
            case 0x0C: case 0x14: case 0x1C: case 0x24: return readRbar();
            case 0x10: case 0x18: case 0x20: case 0x28: return readRasr();
            default: return 0;
        }
    }

    public void writeRegister(int offset, int value) {
        switch (offset) {
            case 0x04: writeCtrl(value); break;
            case 0x08: writeRnr(value); break;
            case 0x0C: case 0x14: case 0x1C: case 0x24: writeRbar(value); break;
            case 0x10: case 0x18: case 0x20: case 0x28: writeRasr(value); break;
            default: break;
        }
    }

    // ------------------------------------------------------------------ host helpers (kernel)

    /** Programs region n directly (RBAR base bits and RASR); one recomputation. */
    public void setRegion(int n, int rbarValue, int rasrValue) {
        rbar[n] = rbarValue & ~0x1F;
        rasr[n] = rasrValue & RASR_MASK;
        recompute();
    }

    /**
     * Programs several regions from (RBAR-with-VALID|REGION, RASR) word pairs, as a kernel would
     * write them to MPU_RBAR/MPU_RASR, with a single recomputation at the end.
     */
    public void setRegions(int[] rbarRasrPairs) {
        for (int i = 0; i + 1 < rbarRasrPairs.length; i += 2) {
            int b = rbarRasrPairs[i];
            int n = (b & RBAR_VALID) != 0 ? b & 0xF : rnr;
            if (n >= NUM_REGIONS) continue;
            rnr = n;
            rbar[n] = b & ~0x1F;
            rasr[n] = rbarRasrPairs[i + 1] & RASR_MASK;
        }
        recompute();
    }

    public int regionBase(int n) { return rbar[n]; }

    public int regionAttributes(int n) { return rasr[n]; }

    /** A human-readable dump of the regions and of the resulting permission segments. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("MPU CTRL=0x%x (%s%s%s)%s%n", ctrl, (ctrl & 1) != 0 ? "ENABLE" : "disabled",
                (ctrl & CTRL_HFNMIENA) != 0 ? " HFNMIENA" : "", (ctrl & CTRL_PRIVDEFENA) != 0 ? " PRIVDEFENA" : "",
                effectivelyEnabled() ? "" : " [default map in effect]"));
        for (int n = 0; n < NUM_REGIONS; n++) {
            int a = rasr[n];
            if ((a & 1) == 0) continue;
            int sizeField = (a >>> 1) & 0x1F;
            long size = 1L << (sizeField + 1);
            sb.append(String.format("  region %d: base 0x%08x size %s AP=%d%s SRD=0x%02x%s%n", n, rbar[n],
                    MpuSegments.sizeName(size), (a >>> 24) & 7, (a & (1 << 28)) != 0 ? " XN" : "", (a >>> 8) & 0xFF,
                    MpuSegments.regionUsable(rbar[n], a) ? "" : " (ignored: size < 32 B or misaligned base)"));
        }
        sb.append(segments().describe());
        return sb.toString();
    }

    /** Access kind names for reports. */
    public static String kindName(int kind) {
        return kind == Access.READ ? "read" : kind == Access.WRITE ? "write" : "execute";
    }
}

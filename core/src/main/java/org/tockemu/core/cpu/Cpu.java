package org.tockemu.core.cpu;

import org.tockemu.core.decode.Insn;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.BusError;
import org.tockemu.core.mem.LittleEndian;
import org.tockemu.core.mem.Region;
import org.tockemu.core.mem.UncheckedMemory;
import org.tockemu.core.mpu.Mpu;

/**
 * Architectural state of one Cortex-M4 core (ARMv7E-M, no FPU) and its view of memory.
 *
 * <p>Memory accesses from instructions go through {@link #read32} etc.: a fast path checks a few
 * "windows" (contiguous ranges of byte[]-backed memory the current privilege level may access
 * under the current MPU configuration, learned on demand and dropped when the MPU, the privilege
 * or the mode changes), a slow path does the full MPU check and bus dispatch. The JIT inlines the
 * same window checks. Faults throw the preallocated {@link GuestFault} before any state is
 * committed.
 */
public final class Cpu {
    // ---- core registers; r[13] is the active stack pointer, the banked other one is msp/psp ----
    public final int[] r = new int[16];
    /** Address of the instruction being executed. r[15] holds pc+4 (the value reads of PC see) during execution. */
    public int pc;
    /** Address of the next instruction; branches write it. */
    public int nextPc;
    public boolean n, z, c, v, q;
    /** APSR.GE[3:0]. */
    public int ge;
    /** EPSR.IT[7:0] (ITSTATE); 0 outside an IT block. */
    public int itState;
    /** EPSR.T: cleared by an interworking branch to an even address; executing with T=0 is an INVSTATE UsageFault. */
    public boolean thumb = true;
    /** IPSR: current exception number, 0 in thread mode. */
    public int ipsr;
    public int primask, faultmask, basepri;
    /** CONTROL: bit 0 nPRIV, bit 1 SPSEL. */
    public int control;
    /** Banked stack pointers; only the inactive one is current here, the active one lives in r[13]. */
    private int mspBank, pspBank;
    /** Exclusive monitor (LDREX/STREX). */
    public boolean exclusiveOpen;
    public int exclusiveAddr;

    /** Set when something must be looked at between instructions (pending exception, exception return, stop). */
    public boolean attention;
    /** Nonzero StopReason requested by the exception unit or the host; the run loop returns it. */
    public int stopRequest;
    /**
     * Set while the host (the kernel written in Java, a debugger) accesses the bus: privileged-only
     * devices such as the System Control Space accept it whatever mode the core is in.
     */
    public boolean hostAccess;

    // ---- counters ----
    public long instructions;
    public long cycles;

    // ---- fault being raised (valid while a GuestFault propagates) ----
    public int faultException;
    public int faultStatus;
    public int faultAddress;

    public final Bus bus;
    public final Mpu mpu;
    public final ExceptionUnit exceptions;

    // ---- fast memory windows (see class comment). Empty windows have len 0. ----
    public byte[] r0Mem; public int r0Start, r0Len, r0Base;   // read, data memory (RAM)
    public byte[] r1Mem; public int r1Start, r1Len, r1Base;   // read, code memory (flash, code SRAM: literal pools, constants)
    public byte[] wMem;  public int wStart, wLen, wBase;      // write
    public byte[] xMem;  public int xStart, xLen, xBase;      // execute
    public Insn[] xCache;                                      // decoded instructions for the x window's region
    /**
     * Bumped whenever windows are dropped, so cached users (JIT) can notice. A long: the JIT caches
     * per-region checks under an epoch for as long as a run lasts, and days of virtual time with
     * frequent context switches would wrap an int.
     */
    public long windowEpoch;
    /**
     * Bumped on every store or load into executable memory the bus reports (Bus.CodeWriteListener):
     * the interpreter's block cache (exec.Block) trusts a block validated since the last change.
     */
    public int codeWrites;

    private final java.util.IdentityHashMap<Region, Insn[]> decodeCaches = new java.util.IdentityHashMap<>();

    public Cpu(Bus bus) {
        this.bus = bus;
        this.mpu = new Mpu(this);
        this.exceptions = new ExceptionUnit(this);
        bus.addCodeWriteListener((addr, len) -> codeWrites++);
    }

    // ------------------------------------------------------------------ modes and banking

    public boolean handlerMode() { return ipsr != 0; }

    public boolean privileged() { return ipsr != 0 || (control & 1) == 0; }

    /** True when thread mode runs on the process stack. */
    private boolean usingPsp() { return ipsr == 0 && (control & 2) != 0; }

    public int msp() { return usingPsp() ? mspBank : r[13]; }

    public int psp() { return usingPsp() ? r[13] : pspBank; }

    public void setMsp(int v) { if (usingPsp()) mspBank = v & ~3; else r[13] = v & ~3; }

    public void setPsp(int v) { if (usingPsp()) r[13] = v & ~3; else pspBank = v & ~3; }

    /**
     * Changes IPSR and/or CONTROL, re-banking SP and dropping the memory windows when the privilege
     * or stack changes. All mode changes go through here.
     */
    public void setModeAndControl(int newIpsr, int newControl) {
        int msp = msp(), psp = psp();
        boolean oldPriv = privileged();
        ipsr = newIpsr;
        control = newControl & 3;
        if (usingPsp()) { r[13] = psp; mspBank = msp; } else { r[13] = msp; pspBank = psp; }
        if (oldPriv != privileged()) invalidateWindows();
    }

    // ------------------------------------------------------------------ PSR

    public int apsr() {
        return (n ? 1 << 31 : 0) | (z ? 1 << 30 : 0) | (c ? 1 << 29 : 0) | (v ? 1 << 28 : 0) | (q ? 1 << 27 : 0) | (ge << 16);
    }

    public void setApsr(int value) {
        n = value < 0; z = (value & (1 << 30)) != 0; c = (value & (1 << 29)) != 0; v = (value & (1 << 28)) != 0;
        q = (value & (1 << 27)) != 0; ge = (value >>> 16) & 0xF;
    }

    public int epsr() {
        return (thumb ? 1 << 24 : 0) | ((itState & 3) << 25) | ((itState >>> 2) << 10);
    }

    public void setEpsr(int value) {
        thumb = (value & (1 << 24)) != 0;
        itState = ((value >>> 25) & 3) | (((value >>> 10) & 0x3F) << 2);
    }

    public int xpsr() { return apsr() | epsr() | (ipsr & 0x1FF); }

    /** Condition check, ARM ARM ConditionPassed(). */
    public boolean conditionPassed(int cond) {
        boolean result;
        switch (cond >>> 1) {
            case 0: result = z; break;
            case 1: result = c; break;
            case 2: result = n; break;
            case 3: result = v; break;
            case 4: result = c && !z; break;
            case 5: result = n == v; break;
            case 6: result = n == v && !z; break;
            default: return true;
        }
        return (cond & 1) != 0 ? !result : result;
    }

    // ------------------------------------------------------------------ windows

    /** Drops all fast windows; the next access of each kind takes the slow path and relearns them. */
    public void invalidateWindows() {
        r0Len = 0; r1Len = 0; wLen = 0; xLen = 0;
        r0Start = r1Start = wStart = xStart = 0;
        windowEpoch++;
    }

    private boolean privilegedFor(int access) {
        return (access & Access.UNPRIV) == 0 && privileged();
    }

    /** Installs the fast window covering a successful slow-path access, when memory-backed. */
    private void learnWindow(Region reg, int addr, int access) {
        if (reg == null || reg.data == null || (access & Access.UNPRIV) != 0) return;
        int kind = access & 3;
        long span = mpu.span(addr, kind, privileged());
        int len = (int) (span >>> 32);
        if (len == 0) return;
        int start = (int) span;
        // clip to the region
        long s = Math.max(Integer.toUnsignedLong(start), Integer.toUnsignedLong(reg.base));
        long e = Math.min(Integer.toUnsignedLong(start) + Integer.toUnsignedLong(len), Integer.toUnsignedLong(reg.base) + Integer.toUnsignedLong(reg.size));
        // word-aligned, whole words, inside the array: the fast paths' unchecked accesses rely on it
        s = (s + 3) & ~3L;
        e = Math.min(e, Integer.toUnsignedLong(reg.base) + reg.data.length) & ~3L;
        if (e <= s || (reg.base & 3) != 0) return;
        int ws = (int) s, wl = (int) (e - s);
        switch (kind) {
            case Access.READ:
                if (reg.writable && !reg.codeStore) { r0Mem = reg.data; r0Start = ws; r0Len = wl; r0Base = reg.base; }
                else { r1Mem = reg.data; r1Start = ws; r1Len = wl; r1Base = reg.base; }
                break;
            case Access.WRITE:
                if (reg.writable && !reg.executableCodeStore()) { wMem = reg.data; wStart = ws; wLen = wl; wBase = reg.base; }
                break;
            default:
                xMem = reg.data; xStart = ws; xLen = wl; xBase = reg.base;
                xCache = decodeCaches.computeIfAbsent(reg, k -> new Insn[(k.size + 1) >>> 1]);
                break;
        }
    }

    // ------------------------------------------------------------------ data accesses

    public int read32(int addr) {
        if ((addr & 3) == 0) {
            if (Integer.compareUnsigned(addr - r0Start, r0Len) < 0) return UncheckedMemory.get32(r0Mem, addr - r0Base);
            if (Integer.compareUnsigned(addr - r1Start, r1Len) < 0) return UncheckedMemory.get32(r1Mem, addr - r1Base);
        }
        return slowRead(addr, 4, Access.READ);
    }

    public int read16(int addr) {
        if ((addr & 1) == 0) {
            if (Integer.compareUnsigned(addr - r0Start, r0Len) < 0) return UncheckedMemory.get16(r0Mem, addr - r0Base);
            if (Integer.compareUnsigned(addr - r1Start, r1Len) < 0) return UncheckedMemory.get16(r1Mem, addr - r1Base);
        }
        return slowRead(addr, 2, Access.READ);
    }

    public int read8(int addr) {
        if (Integer.compareUnsigned(addr - r0Start, r0Len) < 0) return r0Mem[addr - r0Base] & 0xFF;
        if (Integer.compareUnsigned(addr - r1Start, r1Len) < 0) return r1Mem[addr - r1Base] & 0xFF;
        return slowRead(addr, 1, Access.READ);
    }

    public void write32(int addr, int value) {
        if (!tryWrite32(addr, value)) slowWrite(addr, 4, value, Access.WRITE);
    }

    public void write16(int addr, int value) {
        if (!tryWrite16(addr, value)) slowWrite(addr, 2, value, Access.WRITE);
    }

    public void write8(int addr, int value) {
        if (!tryWrite8(addr, value)) slowWrite(addr, 1, value, Access.WRITE);
    }

    // The stores' fast path, shared with the JIT's generated code: the access through the write
    // window when aligned and inside it ((addr - wStart) rotated right by log2(size) is below
    // wLen / size exactly then); false when the slow path must run. One unsigned compare: as two
    // signed tests, C2 kept both branches in the JIT's loops (each its own uncommon trap).

    public boolean tryWrite32(int addr, int value) {
        int t = Integer.rotateRight(addr - wStart, 2);
        if (Integer.compareUnsigned(t, wLen >>> 2) >= 0) return false;
        UncheckedMemory.put32(wMem, addr - wBase, value);
        return true;
    }

    public boolean tryWrite16(int addr, int value) {
        int t = Integer.rotateRight(addr - wStart, 1);
        if (Integer.compareUnsigned(t, wLen >>> 1) >= 0) return false;
        UncheckedMemory.put16(wMem, addr - wBase, value);
        return true;
    }

    public boolean tryWrite8(int addr, int value) {
        if (Integer.compareUnsigned(addr - wStart, wLen) >= 0) return false;
        wMem[addr - wBase] = (byte) value;
        return true;
    }

    /** Read with access flags (Access.ALIGNED, Access.UNPRIV). */
    public int read(int addr, int size, int flags) {
        if ((flags & Access.UNPRIV) == 0 && (addr & (size - 1)) == 0) {
            return size == 4 ? read32(addr) : size == 2 ? read16(addr) : read8(addr);
        }
        return slowRead(addr, size, Access.READ | flags);
    }

    /** Write with access flags (Access.ALIGNED, Access.UNPRIV). */
    public void write(int addr, int size, int value, int flags) {
        if ((flags & Access.UNPRIV) == 0 && (addr & (size - 1)) == 0) {
            if (size == 4) write32(addr, value); else if (size == 2) write16(addr, value); else write8(addr, value);
            return;
        }
        slowWrite(addr, size, value, Access.WRITE | flags);
    }

    /**
     * Checks that a store would succeed without performing it (for multi-word stores that must not
     * have partial side effects: STM, PUSH, STRD). Faults exactly like the store would.
     */
    public void probeWrite(int addr, int size, int flags) {
        if ((addr & (size - 1)) == 0 && Integer.compareUnsigned(addr - wStart, wLen) < 0) return;
        checkAccess(addr, size, Access.WRITE | flags);
        Region reg = bus.find(addr);
        if (reg == null || (reg.data != null && !reg.writable)) throw busFault(Fault.PRECISERR | Fault.BFARVALID, addr);
    }

    public int slowRead(int addr, int size, int access) {
        checkAccess(addr, size, access);
        try {
            int v = bus.read(addr, size);
            learnWindow(bus.find(addr), addr, access);
            return v;
        } catch (BusError e) {
            throw busFault(Fault.PRECISERR | Fault.BFARVALID, addr);
        }
    }

    public void slowWrite(int addr, int size, int value, int access) {
        checkAccess(addr, size, access);
        try {
            bus.write(addr, size, value);
            learnWindow(bus.find(addr), addr, access);
        } catch (BusError e) {
            throw busFault(Fault.PRECISERR | Fault.BFARVALID, addr);
        }
    }

    /** Alignment and MPU checks for one access; raises UsageFault or MemManage. */
    private void checkAccess(int addr, int size, int access) {
        if ((addr & (size - 1)) != 0 && ((access & Access.ALIGNED) != 0 || exceptions.unalignTrap())) {
            throw usageFault(Fault.UNALIGNED);
        }
        boolean priv = privilegedFor(access);
        int kind = access & 3;
        if (!mpu.allows(addr, kind, priv) || (size > 1 && !mpu.allows(addr + size - 1, kind, priv))) {
            int bad = addr; // MMFAR: the first byte the access may not touch
            while (mpu.allows(bad, kind, priv)) bad++;
            throw memManageFault(kind == Access.EXECUTE ? Fault.IACCVIOL : Fault.DACCVIOL | Fault.MMARVALID, bad);
        }
    }

    // ------------------------------------------------------------------ instruction fetch

    /**
     * Fetches a halfword for execution at addr, checking execute permission (IACCVIOL, or IBUSERR
     * when nothing is mapped or the region is not executable), and installs the execute window.
     */
    public int fetch16Slow(int addr) {
        if (Integer.compareUnsigned(addr - xStart, xLen) < 0 && Integer.compareUnsigned(addr + 1 - xStart, xLen) < 0) {
            return LittleEndian.get16(xMem, addr - xBase);
        }
        Region reg = bus.find(addr);
        if (reg == null || reg.data == null || !reg.executable) throw fault(Fault.BUSFAULT, Fault.IBUSERR, addr);
        if (!mpu.allows(addr, Access.EXECUTE, privileged())) throw fault(Fault.MEMMANAGE, Fault.IACCVIOL, addr);
        learnWindow(reg, addr, Access.EXECUTE);
        return LittleEndian.get16(reg.data, addr - reg.base);
    }

    /** The decoded-instruction cache for the region holding addr (used by the interpreter's slow fetch). */
    public Insn[] decodeCacheFor(Region reg) {
        return decodeCaches.computeIfAbsent(reg, k -> new Insn[(k.size + 1) >>> 1]);
    }

    // ------------------------------------------------------------------ faults

    public GuestFault fault(int exception, int status, int address) {
        faultException = exception;
        faultStatus = status;
        faultAddress = address;
        return GuestFault.INSTANCE;
    }

    public GuestFault usageFault(int status) { return fault(Fault.USAGEFAULT, status, 0); }

    public GuestFault memManageFault(int status, int address) { return fault(Fault.MEMMANAGE, status, address); }

    public GuestFault busFault(int status, int address) { return fault(Fault.BUSFAULT, status, address); }

    // ------------------------------------------------------------------ branches (ARM ARM pseudocode names)

    /** BranchWritePC: Thumb branch, bit 0 ignored. */
    public void branchWritePC(int addr) { nextPc = addr & ~1; }

    /**
     * BXWritePC / LoadWritePC: interworking branch. In handler mode an EXC_RETURN value (0xFxxxxxxx)
     * starts an exception return; bit 0 clear leaves Thumb state, which faults at the next instruction.
     */
    public void bxWritePC(int addr) {
        if (ipsr != 0 && (addr >>> 28) == 0xF) {
            exceptions.requestExceptionReturn(addr);
            return;
        }
        thumb = (addr & 1) != 0;
        if (!thumb) attention = true; // the next instruction faults with INVSTATE
        nextPc = addr & ~1;
    }

    /** Asks the run loop to return reason at the next instruction boundary. */
    public void requestStop(int reason) { stopRequest = reason; attention = true; }

    public String describeRegisters() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 13; i++) sb.append(String.format("R%-2d = 0x%08x%s", i, r[i], i % 4 == 3 ? "\n" : "  "));
        sb.append(String.format("\nSP  = 0x%08x  LR  = 0x%08x  PC  = 0x%08x  xPSR = 0x%08x\n", r[13], r[14], pc, xpsr()));
        sb.append(String.format("MSP = 0x%08x  PSP = 0x%08x  CONTROL = 0x%x  PRIMASK = %d  BASEPRI = 0x%02x  FAULTMASK = %d\n",
                msp(), psp(), control, primask, basepri, faultmask));
        return sb.toString();
    }
}

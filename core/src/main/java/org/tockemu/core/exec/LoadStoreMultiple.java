package org.tockemu.core.exec;

import org.tockemu.core.cpu.Access;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.mem.LittleEndian;

/**
 * LDM/STM (IA and DB, PUSH/POP), LDRD/STRD, the exclusives and TBB/TBH (ARM ARM A5.2.5, A5.3.5,
 * A5.3.6). These all make several accesses or are aligned-only.
 *
 * <p>Operand fields ({@link Insn}): rn = base; list = register list (LDM/STM); rd = Rt, ra = Rt2
 * (LDRD/STRD) or the status register Rd (STREX*); imm = offset (negated when U == 0; the
 * exclusives' imm8 * 4); rm = index register (TBB/TBH); flags {@link Insn#INDEX}/{@link Insn#WBACK}.
 *
 * <p>Atomicity: multi-word loads complete every read before they write a register; multi-word
 * stores check every address with {@link Cpu#probeWrite} before the first store. Writeback comes
 * after the transfers, and a load of the PC (LoadWritePC) last of all.
 */
public final class LoadStoreMultiple {
    /** LDM/LDMIA/LDMFD/POP: list from [Rn] upwards; WBACK: Rn += 4 * count. */
    public static final int LDM = 41;
    /** LDMDB/LDMEA: list from [Rn - 4 * count] upwards; WBACK: Rn -= 4 * count. */
    public static final int LDMDB = 42;
    /** STM/STMIA/STMEA. */
    public static final int STM = 43;
    /** STMDB/STMFD/PUSH. */
    public static final int STMDB = 44;
    /** LDRD/STRD (immediate and literal, offset/pre/post-indexed). */
    public static final int LDRD = 45, STRD = 46;
    public static final int LDREX = 47, LDREXB = 48, LDREXH = 49, STREX = 50, STREXB = 51, STREXH = 52;
    /** TBB/TBH: branch forward by twice the table entry at Rn + Rm (TBH: Rn + 2 * Rm). */
    public static final int TBB = 53, TBH = 54;

    private LoadStoreMultiple() {}

    public static void execute(Cpu cpu, Insn in) {
        int[] r = cpu.r;
        switch (in.op) {
            case LDM: ldm(cpu, in.rn, in.list, (in.flags & Insn.WBACK) != 0); break;
            case LDMDB: ldmdb(cpu, in.rn, in.list, (in.flags & Insn.WBACK) != 0); break;
            case STM: stm(cpu, in.rn, in.list, (in.flags & Insn.WBACK) != 0); break;
            case STMDB: stmdb(cpu, in.rn, in.list, (in.flags & Insn.WBACK) != 0); break;
            case LDRD: ldrd(cpu, in.rd, in.ra, in.rn, in.imm, in.flags); break;
            case STRD: strd(cpu, in.rd, in.ra, in.rn, in.imm, in.flags); break;
            case LDREX: loadExclusive(cpu, in.rd, r[in.rn] + in.imm, 4); break;
            case LDREXB: loadExclusive(cpu, in.rd, r[in.rn], 1); break;
            case LDREXH: loadExclusive(cpu, in.rd, r[in.rn], 2); break;
            case STREX: storeExclusive(cpu, in.ra, in.rd, r[in.rn] + in.imm, 4); break;
            case STREXB: storeExclusive(cpu, in.ra, in.rd, r[in.rn], 1); break;
            case STREXH: storeExclusive(cpu, in.ra, in.rd, r[in.rn], 2); break;
            case TBB: cpu.branchWritePC(r[15] + 2 * cpu.read8(r[in.rn] + r[in.rm])); break;
            case TBH: cpu.branchWritePC(r[15] + 2 * cpu.read16(r[in.rn] + (r[in.rm] << 1))); break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
    }

    // ------------------------------------------------------------------ LDM/STM

    /** LDM (increment after). */
    public static void ldm(Cpu cpu, int rn, int list, boolean wback) {
        int base = cpu.r[rn];
        int count = Integer.bitCount(list);
        int pcValue = loadBlock(cpu, base, list, count);
        if (wback) cpu.r[rn] = base + 4 * count;
        if ((list & 0x8000) != 0) cpu.bxWritePC(pcValue);
    }

    /** LDMDB (decrement before). */
    public static void ldmdb(Cpu cpu, int rn, int list, boolean wback) {
        int count = Integer.bitCount(list);
        int start = cpu.r[rn] - 4 * count;
        int pcValue = loadBlock(cpu, start, list, count);
        if (wback) cpu.r[rn] = start;
        if ((list & 0x8000) != 0) cpu.bxWritePC(pcValue);
    }

    /** STM (increment after); a base register in the list stores its original value. */
    public static void stm(Cpu cpu, int rn, int list, boolean wback) {
        int base = cpu.r[rn];
        int count = Integer.bitCount(list);
        storeBlock(cpu, base, list, count);
        if (wback) cpu.r[rn] = base + 4 * count;
    }

    /** STMDB (decrement before), PUSH. */
    public static void stmdb(Cpu cpu, int rn, int list, boolean wback) {
        int count = Integer.bitCount(list);
        int start = cpu.r[rn] - 4 * count;
        storeBlock(cpu, start, list, count);
        if (wback) cpu.r[rn] = start;
    }

    /**
     * Loads R0-R14 of list from consecutive words at addr (committing them only once every read
     * succeeded) and returns the word for the PC (list bit 15), or 0.
     */
    public static int loadBlock(Cpu cpu, int addr, int list, int count) {
        if ((addr & 3) == 0) {
            int last = addr + 4 * (count - 1);
            if (Integer.compareUnsigned(addr - cpu.r0Start, cpu.r0Len) < 0 && Integer.compareUnsigned(last - cpu.r0Start, cpu.r0Len) < 0) {
                return loadBlockFast(cpu.r, cpu.r0Mem, addr - cpu.r0Base, list);
            }
            if (Integer.compareUnsigned(addr - cpu.r1Start, cpu.r1Len) < 0 && Integer.compareUnsigned(last - cpu.r1Start, cpu.r1Len) < 0) {
                return loadBlockFast(cpu.r, cpu.r1Mem, addr - cpu.r1Base, list);
            }
        }
        return loadBlockSlow(cpu, addr, list & 0xFFFF);
    }

    /** The whole block lies in one readable memory window: no access can fault. */
    private static int loadBlockFast(int[] r, byte[] mem, int off, int list) {
        for (int l = list & 0x7FFF; l != 0; l &= l - 1) {
            r[Integer.numberOfTrailingZeros(l)] = LittleEndian.get32(mem, off);
            off += 4;
        }
        return (list & 0x8000) != 0 ? LittleEndian.get32(mem, off) : 0;
    }

    /**
     * Reads the lowest register's word, recurses for the rest, and commits on the way back, so
     * a fault anywhere leaves every register untouched (no temporaries on the heap; depth <= 16).
     */
    private static int loadBlockSlow(Cpu cpu, int addr, int list) {
        if (list == 0) return 0;
        int i = Integer.numberOfTrailingZeros(list);
        int value = cpu.read(addr, 4, Access.ALIGNED);
        if (i == 15) return value;
        int pcValue = loadBlockSlow(cpu, addr + 4, list & (list - 1));
        cpu.r[i] = value;
        return pcValue;
    }

    /** Stores the registers of list to consecutive words at addr; all addresses are checked first. */
    public static void storeBlock(Cpu cpu, int addr, int list, int count) {
        int[] r = cpu.r;
        if ((addr & 3) == 0) {
            int last = addr + 4 * (count - 1);
            if (Integer.compareUnsigned(addr - cpu.wStart, cpu.wLen) < 0 && Integer.compareUnsigned(last - cpu.wStart, cpu.wLen) < 0) {
                byte[] mem = cpu.wMem;
                int off = addr - cpu.wBase;
                for (int l = list; l != 0; l &= l - 1) {
                    LittleEndian.put32(mem, off, r[Integer.numberOfTrailingZeros(l)]);
                    off += 4;
                }
                return;
            }
        }
        for (int k = 0, a = addr; k < count; k++, a += 4) cpu.probeWrite(a, 4, Access.ALIGNED);
        for (int l = list, a = addr; l != 0; l &= l - 1, a += 4) {
            cpu.write(a, 4, r[Integer.numberOfTrailingZeros(l)], Access.ALIGNED);
        }
    }

    // ------------------------------------------------------------------ LDRD/STRD

    /** LDRD: two aligned words; Rn = 15 is the literal form (base Align(PC, 4)). */
    public static void ldrd(Cpu cpu, int rt, int rt2, int rn, int imm, int flags) {
        int[] r = cpu.r;
        int base = rn == 15 ? r[15] & ~3 : r[rn];
        int offsetAddr = base + imm;
        int addr = (flags & Insn.INDEX) != 0 ? offsetAddr : base;
        int v1 = cpu.read(addr, 4, Access.ALIGNED);
        int v2 = cpu.read(addr + 4, 4, Access.ALIGNED);
        if ((flags & Insn.WBACK) != 0) r[rn] = offsetAddr;
        r[rt] = v1;
        r[rt2] = v2;
    }

    /** STRD: two aligned words, both addresses checked before the first store. */
    public static void strd(Cpu cpu, int rt, int rt2, int rn, int imm, int flags) {
        int[] r = cpu.r;
        int base = r[rn];
        int offsetAddr = base + imm;
        int addr = (flags & Insn.INDEX) != 0 ? offsetAddr : base;
        cpu.probeWrite(addr, 4, Access.ALIGNED);
        cpu.probeWrite(addr + 4, 4, Access.ALIGNED);
        cpu.write(addr, 4, r[rt], Access.ALIGNED);
        cpu.write(addr + 4, 4, r[rt2], Access.ALIGNED);
        if ((flags & Insn.WBACK) != 0) r[rn] = offsetAddr;
    }

    // ------------------------------------------------------------------ exclusives

    /** LDREX/LDREXB/LDREXH: aligned load that opens the local exclusive monitor for addr. */
    public static void loadExclusive(Cpu cpu, int rt, int addr, int size) {
        int value = cpu.read(addr, size, Access.ALIGNED);
        cpu.exclusiveOpen = true;
        cpu.exclusiveAddr = addr;
        cpu.r[rt] = value;
    }

    /**
     * STREX/STREXB/STREXH: ExclusiveMonitorsPass checks alignment and the MPU first (faulting
     * even when the monitor is closed), then stores only if the monitor is open for addr.
     * Rd = 0 on success, 1 on failure; the monitor is closed either way.
     */
    public static void storeExclusive(Cpu cpu, int rd, int rt, int addr, int size) {
        cpu.probeWrite(addr, size, Access.ALIGNED);
        int status = 1;
        if (cpu.exclusiveOpen && cpu.exclusiveAddr == addr) {
            cpu.write(addr, size, cpu.r[rt], Access.ALIGNED);
            status = 0;
        }
        cpu.exclusiveOpen = false;
        cpu.r[rd] = status;
    }
}

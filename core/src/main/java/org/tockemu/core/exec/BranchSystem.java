package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.decode.Insn;

/** Branches, IT, hints, barriers, SVC/BKPT/UDF, MRS/MSR and CPS. */
public final class BranchSystem {
    public static final int B = 1, B_COND = 2, BL = 3, BLX = 4, BX = 5, CBZ = 6, CBNZ = 7, IT = 8,
            NOP = 9, YIELD = 10, WFE = 11, WFI = 12, SEV = 13, SVC = 14, BKPT = 15, UDF = 16,
            MRS = 17, MSR = 18, CPS = 19, BARRIER = 20, CLREX = 21;

    private BranchSystem() {}

    public static void execute(Cpu cpu, Insn in) {
        int[] r = cpu.r;
        switch (in.op) {
            case B: cpu.branchWritePC(r[15] + in.imm); break;
            case B_COND: if (cpu.conditionPassed(in.cond)) cpu.branchWritePC(r[15] + in.imm); break;
            case BL: r[14] = cpu.nextPc | 1; cpu.branchWritePC(r[15] + in.imm); break;
            case BLX: { int target = r[in.rm]; r[14] = cpu.nextPc | 1; cpu.bxWritePC(target); break; }
            case BX: cpu.bxWritePC(r[in.rm]); break;
            case CBZ: if (r[in.rn] == 0) cpu.branchWritePC(r[15] + in.imm); break;
            case CBNZ: if (r[in.rn] != 0) cpu.branchWritePC(r[15] + in.imm); break;
            case IT: cpu.itState = in.imm; break;
            case NOP: case YIELD: case BARRIER: break;
            case SEV: cpu.exceptions.sendEvent(); break;
            case WFE: cpu.exceptions.waitForEvent(); break;
            case WFI: cpu.exceptions.waitForInterrupt(); break;
            case CLREX: cpu.exclusiveOpen = false; break;
            case SVC: cpu.exceptions.svc(in.imm); break;
            case BKPT: cpu.exceptions.bkpt(in.imm); break;
            case UDF: throw cpu.usageFault(Fault.UNDEFINSTR);
            case MRS: r[in.rd] = readSpecial(cpu, in.imm); break;
            case MSR: writeSpecial(cpu, in.imm, in.list, r[in.rn]); break;
            case CPS: changeProcessorState(cpu, in.imm != 0, (in.list & 2) != 0, (in.list & 1) != 0); break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
    }

    /** MRS (ARMv7-M B5.2.2): EPSR reads as zero; masks read as zero when unprivileged. */
    public static int readSpecial(Cpu cpu, int sysm) {
        boolean priv = cpu.privileged();
        switch (sysm >>> 3) {
            case 0: {
                int v = 0;
                if ((sysm & 1) != 0) v |= cpu.ipsr & 0x1FF;
                if ((sysm & 4) == 0) v |= cpu.apsr() & 0xF80F0000;
                return v;
            }
            case 1:
                if (!priv) return 0;
                return (sysm & 7) == 0 ? cpu.msp() : (sysm & 7) == 1 ? cpu.psp() : 0;
            case 2:
                switch (sysm & 7) {
                    case 0: return priv ? cpu.primask & 1 : 0;
                    case 1: case 2: return priv ? cpu.basepri & 0xFF : 0;
                    case 3: return priv ? cpu.faultmask & 1 : 0;
                    case 4: return cpu.control & 3;
                    default: return 0;
                }
            default:
                return 0;
        }
    }

    /** MSR (ARMv7-M B5.2.3). */
    public static void writeSpecial(Cpu cpu, int sysm, int mask, int value) {
        boolean priv = cpu.privileged();
        switch (sysm >>> 3) {
            case 0:
                if ((sysm & 4) == 0) {
                    int a = cpu.apsr();
                    if ((mask & 1) != 0) a = (a & ~0x000F0000) | (value & 0x000F0000);
                    if ((mask & 2) != 0) a = (a & ~0xF8000000) | (value & 0xF8000000);
                    cpu.setApsr(a);
                }
                return;
            case 1:
                if (!priv) return;
                if ((sysm & 7) == 0) cpu.setMsp(value);
                else if ((sysm & 7) == 1) cpu.setPsp(value);
                return;
            case 2:
                if ((sysm & 7) != 4 && !priv) return;
                switch (sysm & 7) {
                    case 0: cpu.primask = value & 1; break;
                    case 1: cpu.basepri = value & cpu.exceptions.priorityBitsMask(); break;
                    case 2: {
                        int v = value & cpu.exceptions.priorityBitsMask();
                        if (v != 0 && (v < cpu.basepri || cpu.basepri == 0)) cpu.basepri = v;
                        break;
                    }
                    case 3: if (cpu.exceptions.executionPriority() > -1) cpu.faultmask = value & 1; break;
                    case 4: {
                        if (!priv) return;
                        int ctl = (cpu.control & ~1) | (value & 1);
                        if (!cpu.handlerMode()) ctl = (ctl & ~2) | (value & 2);
                        cpu.setModeAndControl(cpu.ipsr, ctl);
                        break;
                    }
                    default: break;
                }
                cpu.attention = true; // unmasking may let a pending exception in
                return;
            default:
                return;
        }
    }

    /** CPSIE/CPSID: privileged only, ignored otherwise. */
    private static void changeProcessorState(Cpu cpu, boolean disable, boolean i, boolean f) {
        if (!cpu.privileged()) return;
        if (i) cpu.primask = disable ? 1 : 0;
        if (f) {
            if (!disable) cpu.faultmask = 0;
            else if (cpu.exceptions.executionPriority() > -1) cpu.faultmask = 1;
        }
        cpu.attention = true;
    }
}

package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.decode.Insn;

/**
 * Executor for multiplies, divides and the DSP extension (group MULDSP). The semantics live in
 * small static helpers (here for the 32/64-bit multiplies and divides; {@link DspMultiply},
 * {@link Saturation}, {@link Simd} and {@link DspPack} for the DSP extension) that the JIT calls
 * too. None of these instructions accesses memory; each reads all its operands before writing.
 *
 * <p>Insn fields: rd, rn, rm, ra as in the ARM ARM, except the long forms (SMULL UMULL SMLAL
 * UMLAL UMAAL SMLALxy SMLALD SMLSLD): ra = RdLo, rd = RdHi. Halfword multiplies: shiftN selects
 * the half of R[n] (0 bottom, 16 top), imm the half of R[m] (or 16 for the X "exchange" forms);
 * SMMxx: imm = 1 for the rounding (R) forms. SSAT/USAT: imm = saturate_to, shiftType (Alu.LSL or
 * Alu.ASR) and shiftN. Extends: imm = rotation. PKH: shiftN. MUL: setFlags (2 for the 16-bit
 * form: N and Z only outside an IT block).
 *
 * <p>Flags, for the JIT: no helper reads NZCV. Helpers taking the Cpu write only cpu.q (set, never
 * cleared: SMLAxy SMLAWy SMUAD SMLAD SMLSD, the QADD family, SSAT/USAT and their 16-bit forms) or
 * cpu.ge (all four bits: the S and U parallel add/subtract forms); SEL reads cpu.ge; MUL with flags
 * writes N and Z through Alu.nz; SDIV/UDIV read CCR.DIV_0_TRP and may throw the DIVBYZERO
 * UsageFault before anything is written.
 */
public final class MultiplyDsp {
    public static final int MUL = 1, MLA = 2, MLS = 3, SMULL = 4, UMULL = 5, SMLAL = 6, UMLAL = 7, UMAAL = 8,
            SDIV = 9, UDIV = 10;
    public static final int SMULXY = 11, SMLAXY = 12, SMULWY = 13, SMLAWY = 14, SMLALXY = 15, SMUAD = 16, SMUSD = 17,
            SMLAD = 18, SMLSD = 19, SMLALD = 20, SMLSLD = 21, SMMUL = 22, SMMLA = 23, SMMLS = 24, USAD8 = 25, USADA8 = 26;
    public static final int QADD = 27, QSUB = 28, QDADD = 29, QDSUB = 30, SSAT = 31, USAT = 32, SSAT16 = 33, USAT16 = 34;
    public static final int SEL = 35, PKHBT = 36, PKHTB = 37, SXTB16 = 38, UXTB16 = 39, SXTAB16 = 40, UXTAB16 = 41;
    /** Parallel add/subtract: PARALLEL + 6 * prefix + kind, prefix S Q SH U UQ UH, kind ADD16 ASX SAX SUB16 ADD8 SUB8. */
    public static final int PARALLEL = 48;
    public static final int SADD16 = 48, SASX = 49, SSAX = 50, SSUB16 = 51, SADD8 = 52, SSUB8 = 53,
            QADD16 = 54, QASX = 55, QSAX = 56, QSUB16 = 57, QADD8 = 58, QSUB8 = 59,
            SHADD16 = 60, SHASX = 61, SHSAX = 62, SHSUB16 = 63, SHADD8 = 64, SHSUB8 = 65,
            UADD16 = 66, UASX = 67, USAX = 68, USUB16 = 69, UADD8 = 70, USUB8 = 71,
            UQADD16 = 72, UQASX = 73, UQSAX = 74, UQSUB16 = 75, UQADD8 = 76, UQSUB8 = 77,
            UHADD16 = 78, UHASX = 79, UHSAX = 80, UHSUB16 = 81, UHADD8 = 82, UHSUB8 = 83;

    private MultiplyDsp() {}

    public static void execute(Cpu cpu, Insn in) {
        if (in.op >= PARALLEL) { executeParallel(cpu, in); return; }
        int[] r = cpu.r;
        switch (in.op) {
            case MUL: {
                int v = r[in.rn] * r[in.rm];
                r[in.rd] = v;
                if (in.setFlags == 1 || (in.setFlags == 2 && cpu.itState == 0)) Alu.nz(cpu, v);
                break;
            }
            case MLA: r[in.rd] = r[in.rn] * r[in.rm] + r[in.ra]; break;
            case MLS: r[in.rd] = r[in.ra] - r[in.rn] * r[in.rm]; break;
            case SMULL: setLong(r, in, (long) r[in.rn] * r[in.rm]); break;
            case UMULL: setLong(r, in, umull(r[in.rn], r[in.rm])); break;
            case SMLAL: setLong(r, in, (long) r[in.rn] * r[in.rm] + acc(r, in)); break;
            case UMLAL: setLong(r, in, umull(r[in.rn], r[in.rm]) + acc(r, in)); break;
            case UMAAL: setLong(r, in, umaal(r[in.rn], r[in.rm], r[in.ra], r[in.rd])); break;
            case SDIV: r[in.rd] = sdiv(cpu, r[in.rn], r[in.rm]); break;
            case UDIV: r[in.rd] = udiv(cpu, r[in.rn], r[in.rm]); break;

            case SMULXY: r[in.rd] = DspMultiply.smulxy(r[in.rn], r[in.rm], in.shiftN, in.imm); break;
            case SMLAXY: r[in.rd] = DspMultiply.smlaxy(cpu, r[in.rn], r[in.rm], r[in.ra], in.shiftN, in.imm); break;
            case SMULWY: r[in.rd] = DspMultiply.smulwy(r[in.rn], r[in.rm], in.imm); break;
            case SMLAWY: r[in.rd] = DspMultiply.smlawy(cpu, r[in.rn], r[in.rm], r[in.ra], in.imm); break;
            case SMLALXY: setLong(r, in, DspMultiply.smlalxy(r[in.rn], r[in.rm], acc(r, in), in.shiftN, in.imm)); break;
            case SMUAD: r[in.rd] = DspMultiply.smuad(cpu, r[in.rn], r[in.rm], in.imm); break;
            case SMUSD: r[in.rd] = DspMultiply.smusd(r[in.rn], r[in.rm], in.imm); break;
            case SMLAD: r[in.rd] = DspMultiply.smlad(cpu, r[in.rn], r[in.rm], r[in.ra], in.imm); break;
            case SMLSD: r[in.rd] = DspMultiply.smlsd(cpu, r[in.rn], r[in.rm], r[in.ra], in.imm); break;
            case SMLALD: setLong(r, in, DspMultiply.smlald(r[in.rn], r[in.rm], acc(r, in), in.imm)); break;
            case SMLSLD: setLong(r, in, DspMultiply.smlsld(r[in.rn], r[in.rm], acc(r, in), in.imm)); break;
            case SMMUL: r[in.rd] = DspMultiply.smmul(r[in.rn], r[in.rm], (long) in.imm << 31); break;
            case SMMLA: r[in.rd] = DspMultiply.smmla(r[in.rn], r[in.rm], r[in.ra], (long) in.imm << 31); break;
            case SMMLS: r[in.rd] = DspMultiply.smmls(r[in.rn], r[in.rm], r[in.ra], (long) in.imm << 31); break;
            case USAD8: r[in.rd] = DspPack.usad8(r[in.rn], r[in.rm]); break;
            case USADA8: r[in.rd] = DspPack.usad8(r[in.rn], r[in.rm]) + r[in.ra]; break;

            case QADD: r[in.rd] = Saturation.qadd(cpu, r[in.rm], r[in.rn]); break;
            case QSUB: r[in.rd] = Saturation.qsub(cpu, r[in.rm], r[in.rn]); break;
            case QDADD: r[in.rd] = Saturation.qdadd(cpu, r[in.rm], r[in.rn]); break;
            case QDSUB: r[in.rd] = Saturation.qdsub(cpu, r[in.rm], r[in.rn]); break;
            case SSAT: r[in.rd] = Saturation.ssat(cpu, Saturation.satOperand(r[in.rn], in.shiftType == Alu.ASR, in.shiftN), in.imm); break;
            case USAT: r[in.rd] = Saturation.usat(cpu, Saturation.satOperand(r[in.rn], in.shiftType == Alu.ASR, in.shiftN), in.imm); break;
            case SSAT16: r[in.rd] = Saturation.ssat16(cpu, r[in.rn], in.imm); break;
            case USAT16: r[in.rd] = Saturation.usat16(cpu, r[in.rn], in.imm); break;

            case SEL: r[in.rd] = DspPack.sel(cpu, r[in.rn], r[in.rm]); break;
            case PKHBT: r[in.rd] = DspPack.pkhbt(r[in.rn], r[in.rm], in.shiftN); break;
            case PKHTB: r[in.rd] = DspPack.pkhtb(r[in.rn], r[in.rm], in.shiftN); break;
            case SXTB16: r[in.rd] = DspPack.sxtb16(r[in.rm], in.imm); break;
            case UXTB16: r[in.rd] = DspPack.uxtb16(r[in.rm], in.imm); break;
            case SXTAB16: r[in.rd] = DspPack.sxtab16(r[in.rn], r[in.rm], in.imm); break;
            case UXTAB16: r[in.rd] = DspPack.uxtab16(r[in.rn], r[in.rm], in.imm); break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
    }

    /** The parallel add/subtract ops (op >= PARALLEL); operands (R[n], R[m]). */
    static void executeParallel(Cpu cpu, Insn in) {
        int[] r = cpu.r;
        int a = r[in.rn], b = r[in.rm];
        int v;
        switch (in.op) {
            case SADD16: v = Simd.sadd16(cpu, a, b); break;
            case SASX: v = Simd.sasx(cpu, a, b); break;
            case SSAX: v = Simd.ssax(cpu, a, b); break;
            case SSUB16: v = Simd.ssub16(cpu, a, b); break;
            case SADD8: v = Simd.sadd8(cpu, a, b); break;
            case SSUB8: v = Simd.ssub8(cpu, a, b); break;
            case QADD16: v = Simd.qadd16(a, b); break;
            case QASX: v = Simd.qasx(a, b); break;
            case QSAX: v = Simd.qsax(a, b); break;
            case QSUB16: v = Simd.qsub16(a, b); break;
            case QADD8: v = Simd.qadd8(a, b); break;
            case QSUB8: v = Simd.qsub8(a, b); break;
            case SHADD16: v = Simd.shadd16(a, b); break;
            case SHASX: v = Simd.shasx(a, b); break;
            case SHSAX: v = Simd.shsax(a, b); break;
            case SHSUB16: v = Simd.shsub16(a, b); break;
            case SHADD8: v = Simd.shadd8(a, b); break;
            case SHSUB8: v = Simd.shsub8(a, b); break;
            case UADD16: v = Simd.uadd16(cpu, a, b); break;
            case UASX: v = Simd.uasx(cpu, a, b); break;
            case USAX: v = Simd.usax(cpu, a, b); break;
            case USUB16: v = Simd.usub16(cpu, a, b); break;
            case UADD8: v = Simd.uadd8(cpu, a, b); break;
            case USUB8: v = Simd.usub8(cpu, a, b); break;
            case UQADD16: v = Simd.uqadd16(a, b); break;
            case UQASX: v = Simd.uqasx(a, b); break;
            case UQSAX: v = Simd.uqsax(a, b); break;
            case UQSUB16: v = Simd.uqsub16(a, b); break;
            case UQADD8: v = Simd.uqadd8(a, b); break;
            case UQSUB8: v = Simd.uqsub8(a, b); break;
            case UHADD16: v = Simd.uhadd16(a, b); break;
            case UHASX: v = Simd.uhasx(a, b); break;
            case UHSAX: v = Simd.uhsax(a, b); break;
            case UHSUB16: v = Simd.uhsub16(a, b); break;
            case UHADD8: v = Simd.uhadd8(a, b); break;
            case UHSUB8: v = Simd.uhsub8(a, b); break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
        r[in.rd] = v;
    }

    // ------------------------------------------------------------------ 64-bit accumulator plumbing

    /** The 64-bit accumulator R[dHi]:R[dLo] (rd = RdHi, ra = RdLo). */
    private static long acc(int[] r, Insn in) { return pair(r[in.rd], r[in.ra]); }

    private static void setLong(int[] r, Insn in, long v) {
        r[in.ra] = (int) v;
        r[in.rd] = (int) (v >>> 32);
    }

    /** hi:lo as a 64-bit value. */
    public static long pair(int hi, int lo) { return ((long) hi << 32) | (lo & 0xFFFFFFFFL); }

    // ------------------------------------------------------------------ semantics helpers (also called by the JIT)

    /** UInt(n) * UInt(m), 64 bits. */
    public static long umull(int n, int m) { return (n & 0xFFFFFFFFL) * (m & 0xFFFFFFFFL); }

    /** UMAAL: UInt(n) * UInt(m) + UInt(dLo) + UInt(dHi); never exceeds 64 bits. */
    public static long umaal(int n, int m, int lo, int hi) { return umull(n, m) + (lo & 0xFFFFFFFFL) + (hi & 0xFFFFFFFFL); }

    /** SDIV: rounds toward zero; 0x80000000 / -1 = 0x80000000; x / 0 = 0 or UsageFault DIVBYZERO. */
    public static int sdiv(Cpu cpu, int n, int m) {
        if (m == 0) return divideByZero(cpu);
        return n / m;
    }

    /** UDIV: x / 0 = 0 or UsageFault DIVBYZERO. */
    public static int udiv(Cpu cpu, int n, int m) {
        if (m == 0) return divideByZero(cpu);
        return Integer.divideUnsigned(n, m);
    }

    /** Division by zero: 0, or the DIVBYZERO UsageFault when CCR.DIV_0_TRP is set (nothing written yet). */
    public static int divideByZero(Cpu cpu) {
        if (cpu.exceptions.divideByZeroTrap()) throw cpu.usageFault(Fault.DIVBYZERO);
        return 0;
    }
}

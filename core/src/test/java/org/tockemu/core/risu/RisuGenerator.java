package org.tockemu.core.risu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random, architecturally well-defined Thumb-2 (ARMv7E-M) instruction sequences as
 * assembly text, in the spirit of ARM's risu. Each case is reproducible from (seed, case index)
 * alone: it gets its own initial registers (r0-r12, lr), APSR (NZCVQ and GE) and a seed for the
 * 256-byte memory window, then 4-24 "units" (one instruction, an IT block, an LDREX/STREX pair, a
 * forward branch) drawn from templates per instruction class.
 *
 * <p>Rules that keep every case well defined: SP and PC are never operands; one base register
 * per case points into the window and is never a destination, and the generator tracks its
 * offset (writeback included) so every access stays inside the window, with word alignment where
 * the architecture requires it (LDRD/STRD, LDM/STM, LDREX/STREX); no UNPREDICTABLE register
 * combinations (RdLo != RdHi, Rt != Rt2, writeback base not transferred, STREX status register
 * distinct); exclusive pairs are self-contained (each case starts with CLREX); branches only go
 * forward to unit boundaries inside the sequence; nothing inside IT blocks that may not be there.
 */
public final class RisuGenerator {
    public static final int WINDOW = 256;

    /** One generated case: its listing (the random sequence), and the full assembly including setup. */
    public record Case(int index, long caseSeed, int[] initRegs /* r0-r12, lr */, int initApsr, int memSeed, int base,
                       List<String> listing) {}

    private static final String[] COND = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"};
    private static final String[] INV = {"ne", "eq", "cc", "cs", "pl", "mi", "vc", "vs", "ls", "hi", "lt", "ge", "le", "gt"};

    private final long seed;
    private final boolean interrupts;

    public RisuGenerator(long seed) { this(seed, false); }

    /**
     * With interrupts, the program runs with SysTick interrupts landing at arbitrary points (the
     * harness handler is transparent), and no LDREX/STREX pairs are generated (an exception
     * between them clears the monitor, which would make results depend on timing).
     */
    public RisuGenerator(long seed, boolean interrupts) {
        this.seed = seed;
        this.interrupts = interrupts;
    }

    public boolean interrupts() { return interrupts; }

    public static long caseSeed(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public Case generate(int index) { return new CaseBuilder(index, caseSeed(seed, index), interrupts).build(); }

    /** Assembly for a batch of cases [first, first+count): defines risu_cases, which runs them in order. */
    public String assembly(List<Case> cases) {
        StringBuilder sb = new StringBuilder();
        if (interrupts && !cases.isEmpty()) {
            // SysTick reload: long enough that tockemu (one count per cycle) makes progress between interrupts
            long r = 150 + Math.floorMod(caseSeed(seed, cases.get(0).index()), 200);
            sb.append("    .global risu_systick_reload\n    .set risu_systick_reload, ").append(r).append('\n');
        }
        sb.append("    .syntax unified\n    .thumb\n    .text\n    .global risu_cases\n    .thumb_func\nrisu_cases:\n    push {r4-r11, lr}\n");
        sb.append("    ldr r1, =risu_sp\n    mov r0, sp\n    str r0, [r1]\n");
        for (int i = 0; i < cases.size(); i++) {
            emitCase(sb, cases.get(i), i + 1 < cases.size() ? "c" + cases.get(i + 1).index() : "risu_cases_done");
        }
        sb.append("    .thumb_func\nrisu_cases_done:\n    ldr r1, =risu_sp\n    ldr r0, [r1]\n    mov sp, r0\n    pop {r4-r11, pc}\n    .ltorg\n");
        return sb.toString();
    }

    private static void emitCase(StringBuilder sb, Case c, String next) {
        String id = "c" + c.index();
        sb.append("@ ---- case ").append(c.index()).append(" seed ").append(Long.toHexString(c.caseSeed())).append('\n');
        sb.append("    .thumb_func\n").append(id).append(":\n");
        // SP = risu_sp - 320 from the first instruction on: the case's stack area is [SP, SP+256),
        // and exception frames (interrupt mode) only ever land below SP or above SP+288
        sb.append("    ldr r1, =risu_sp\n    ldr r0, [r1]\n    sub r0, r0, #320\n    mov sp, r0\n");
        sb.append("    ldr r0, =").append(next).append("\n    ldr r1, =risu_next\n    str r0, [r1]\n");
        sb.append("    ldr r0, =").append(c.index()).append("\n    ldr r1, =risu_cur\n    str r0, [r1]\n");
        sb.append("    ldr r0, =0x").append(Integer.toHexString(c.memSeed())).append("\n    bl risu_fill\n    clrex\n");
        sb.append("    ldr r0, =").append(id).append("_init\n    ldr r1, [r0, #56]\n    msr apsr_nzcvqg, r1\n");
        sb.append("    ldr lr, [r0, #52]\n    ldm.w r0, {r0-r12}\n");
        for (String u : c.listing()) {
            for (String l : u.split("\n")) {
                String t = l.strip();
                sb.append(t.startsWith("L") && t.endsWith(":") ? "" : "    ").append(t).append('\n');
            }
        }
        sb.append("    push {r0-r12, lr}\n    mrs r3, apsr\n    add r2, sp, #56\n    ldr r1, =").append(c.index())
                .append("\n    ldr r0, =0x55534952\n    push {r0-r3}\n    bl risu_dump\n    add sp, #72\n");
        sb.append("    b ").append(id).append("_end\n    .ltorg\n    .align 2\n").append(id).append("_init:\n    .word ");
        for (int r = 0; r < 14; r++) {
            if (r == c.base()) sb.append("risu_window + ").append(128);
            else sb.append("0x").append(Integer.toHexString(c.initRegs()[r]));
            sb.append(", ");
        }
        sb.append("0x").append(Integer.toHexString(c.initApsr())).append('\n').append(id).append("_end:\n");
    }

    /** The mnemonic without its condition code (and .w); best effort, for statistics and checks. */
    public static String stripCond(String m) {
        String x = m.endsWith(".w") ? m.substring(0, m.length() - 2) : m;
        for (String c : new String[] {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"}) {
            if (x.length() > 3 && x.endsWith(c) && !java.util.Set.of("smulwt", "smlawt", "smlaltt", "smultt", "smlatt", "smlabt", "smulbt", "smlalbt",
                    "smultb", "sel", "bfc", "pkhbt", "pkhtb", "teq", "sxtb16", "uxtb16").contains(x)) {
                String y = x.substring(0, x.length() - 2);
                if (!y.isEmpty()) return y;
            }
        }
        return x;
    }

    /** Builds one case. Registers are numbered 0-12 and 14 (lr); index 13 in arrays means lr. */
    private static final class CaseBuilder {
        final int index;
        final long caseSeed;
        final SplittableRandom rnd;
        final int base; // 0-12 or 14
        int boff = 128; // base register offset into the window
        final List<String> out = new ArrayList<>();
        int labelCount;
        final List<int[]> pendingLabels = new ArrayList<>(); // {labelId, unitsRemaining}

        final boolean noExclusive;

        CaseBuilder(int index, long caseSeed, boolean noExclusive) {
            this.noExclusive = noExclusive;
            this.index = index;
            this.caseSeed = caseSeed;
            this.rnd = new SplittableRandom(caseSeed);
            int b = rnd.nextInt(14);
            this.base = b == 13 ? 14 : b;
        }

        Case build() {
            int[] regs = new int[14];
            for (int i = 0; i < 14; i++) regs[i] = interesting();
            int apsr = (rnd.nextInt() & 0xf8000000) | (rnd.nextInt(16) << 16);
            int memSeed = rnd.nextInt();
            int units = 4 + rnd.nextInt(21);
            for (int u = 0; u < units; u++) {
                unit();
                placeLabels();
            }
            // any branch still pending lands at the end of the sequence
            for (int[] p : pendingLabels) out.add("L" + index + "_" + p[0] + ":");
            pendingLabels.clear();
            int[] init = regs.clone();
            return new Case(index, caseSeed, init, apsr, memSeed, base == 14 ? 13 : base, List.copyOf(out));
        }

        private void placeLabels() {
            for (int i = 0; i < pendingLabels.size(); ) {
                int[] p = pendingLabels.get(i);
                if (--p[1] <= 0) {
                    out.add("L" + index + "_" + p[0] + ":");
                    pendingLabels.remove(i);
                } else {
                    i++;
                }
            }
        }

        int interesting() {
            switch (rnd.nextInt(10)) {
                case 0: return 0;
                case 1: return 1;
                case 2: return -1;
                case 3: return 0x7fffffff;
                case 4: return 0x80000000;
                case 5: return rnd.nextInt(256);
                case 6: return -rnd.nextInt(256);
                case 7: return 0x7fff0000 | rnd.nextInt(0x10000) ^ (rnd.nextBoolean() ? 0x80008000 : 0);
                default: return rnd.nextInt();
            }
        }

        // ---- registers
        static String rn(int r) { return r == 14 ? "lr" : "r" + r; }

        /** any general register except the base (r0-r12, lr) */
        int reg() {
            while (true) {
                int r = rnd.nextInt(14);
                if (r == 13) r = 14;
                if (r != base) return r;
            }
        }

        /** any register, the base included (as a source) */
        int src() {
            int r = rnd.nextInt(14);
            return r == 13 ? 14 : r;
        }

        int low() {
            while (true) {
                int r = rnd.nextInt(8);
                if (r != base) return r;
            }
        }

        int lowSrc() { return rnd.nextInt(8); }

        int regNot(int... not) {
            outer:
            while (true) {
                int r = reg();
                for (int n : not) if (r == n) continue outer;
                return r;
            }
        }

        String pick(String... a) { return a[rnd.nextInt(a.length)]; }

        // ---- operands
        String shift() {
            switch (rnd.nextInt(7)) {
                case 0: case 1: return "";
                case 2: return ", lsl #" + rnd.nextInt(32);
                case 3: return ", lsr #" + (1 + rnd.nextInt(32));
                case 4: return ", asr #" + (1 + rnd.nextInt(32));
                case 5: return ", ror #" + (1 + rnd.nextInt(31));
                default: return ", rrx";
            }
        }

        /** a valid Thumb-2 modified immediate */
        String modImm() {
            int b = rnd.nextInt(256);
            int v;
            switch (rnd.nextInt(5)) {
                case 0: v = b; break;
                case 1: v = b | b << 16; break;
                case 2: v = b << 8 | b << 24; break;
                case 3: v = b | b << 8 | b << 16 | b << 24; break;
                default: v = Integer.rotateRight(0x80 | (b & 0x7f), 8 + rnd.nextInt(24)); break;
            }
            return "#0x" + Integer.toHexString(v);
        }

        // ---- units
        void unit() {
            int k = rnd.nextInt(100);
            if (k < 5) emit(spMemory(null));
            else if (k < 12) itBlock();
            else if (k < 17) branch();
            else if (k < 20) { if (noExclusive) emit(alu(null, true)); else exclusive(); }
            else if (k < 22) pushPop();
            else if (k < 24) emit("ldr " + rn(reg()) + ", =0x" + Integer.toHexString(interesting()));
            else if (k < 26) tableBranch();
            else if (k < 36) emit(memory(null));
            else emit(alu(null, true));
        }

        void emit(String s) { out.add(s); }

        /** a non-memory instruction; cond != null inside an IT block (flag-setting allowed there too) */
        String alu(String cond, boolean outsideIt) {
            String c = cond == null ? "" : cond;
            int k = rnd.nextInt(100);
            if (k < 22) { // data processing, register
                String op = pick("add", "adc", "sub", "sbc", "rsb", "and", "orr", "eor", "bic", "orn");
                String s = rnd.nextBoolean() ? "s" : "";
                if (rnd.nextInt(3) == 0 && !op.equals("rsb") && !op.equals("orn")) { // often a 16-bit encoding
                    int d = low();
                    if (op.equals("add") || op.equals("sub")) return op + s + c + " " + rn(d) + ", " + rn(lowSrc()) + ", " + rn(lowSrc());
                    return op + s + c + " " + rn(d) + ", " + rn(d) + ", " + rn(lowSrc());
                }
                return op + s + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + shift();
            }
            if (k < 38) { // data processing, immediate
                String s = rnd.nextBoolean() ? "s" : "";
                switch (rnd.nextInt(6)) {
                    case 0: return pick("addw", "subw") + c + " " + rn(reg()) + ", " + rn(src()) + ", #" + rnd.nextInt(4096);
                    case 1: return "movw" + c + " " + rn(reg()) + ", #" + rnd.nextInt(65536);
                    case 2: return "movt" + c + " " + rn(reg()) + ", #" + rnd.nextInt(65536);
                    case 3: {
                        int d = low();
                        if (rnd.nextBoolean()) return pick("add", "sub") + s + c + " " + rn(d) + ", " + rn(lowSrc()) + ", #" + rnd.nextInt(8);
                        return pick("add", "sub", "mov") + s + c + " " + rn(d) + ", " + (rnd.nextBoolean() ? "" : "") + "#" + rnd.nextInt(256);
                    }
                    case 4: return pick("mov", "mvn") + s + c + " " + rn(reg()) + ", " + modImm();
                    default: return pick("add", "adc", "sub", "sbc", "rsb", "and", "orr", "eor", "bic", "orn") + s + c + " " + rn(reg()) + ", "
                            + rn(src()) + ", " + modImm();
                }
            }
            if (k < 48) { // compares
                if (rnd.nextBoolean()) return pick("cmp", "cmn", "tst", "teq") + c + " " + rn(src()) + ", " + rn(src()) + shift();
                if (rnd.nextInt(3) == 0) return "cmp" + c + " " + rn(lowSrc()) + ", #" + rnd.nextInt(256);
                return pick("cmp", "cmn", "tst", "teq") + c + " " + rn(src()) + ", " + modImm();
            }
            if (k < 58) { // moves and shifts
                String s = rnd.nextBoolean() ? "s" : "";
                switch (rnd.nextInt(5)) {
                    case 0: return pick("mov", "mvn") + s + c + " " + rn(reg()) + ", " + rn(src()) + shift();
                    case 1: return pick("lsl", "lsr", "asr", "ror") + s + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                    case 2: {
                        String op = pick("lsl", "lsr", "asr");
                        int amt = op.equals("lsl") ? rnd.nextInt(32) : 1 + rnd.nextInt(32);
                        if (rnd.nextBoolean()) return op + s + c + " " + rn(low()) + ", " + rn(lowSrc()) + ", #" + amt;
                        return op + s + c + " " + rn(reg()) + ", " + rn(src()) + ", #" + amt;
                    }
                    case 3: return "ror" + s + c + " " + rn(reg()) + ", " + rn(src()) + ", #" + (1 + rnd.nextInt(31));
                    default: {
                        if (rnd.nextBoolean()) { int d = low(); return pick("lsl", "lsr", "asr", "ror") + s + c + " " + rn(d) + ", " + rn(d) + ", " + rn(lowSrc()); }
                        return "rrx" + s + c + " " + rn(reg()) + ", " + rn(src());
                    }
                }
            }
            if (k < 68) { // multiply and divide
                switch (rnd.nextInt(7)) {
                    case 0: {
                        if (rnd.nextBoolean()) { int d = low(); return "mul" + (outsideIt ? "s" : "") + c + " " + rn(d) + ", " + rn(lowSrc()) + ", " + rn(d); }
                        return "mul" + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                    }
                    case 1: return pick("mla", "mls") + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + ", " + rn(src());
                    case 2: case 3: {
                        int lo = reg(), hi = regNot(lo);
                        return pick("umull", "smull", "umlal", "smlal", "umaal") + c + " " + rn(lo) + ", " + rn(hi) + ", " + rn(src()) + ", " + rn(src());
                    }
                    default: return pick("sdiv", "udiv") + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                }
            }
            if (k < 78) { // bit manipulation and extension
                switch (rnd.nextInt(6)) {
                    case 0: return pick("clz", "rbit", "rev", "rev16", "revsh") + c + " " + rn(reg()) + ", " + rn(src());
                    case 1: {
                        int lsb = rnd.nextInt(32), w = 1 + rnd.nextInt(32 - lsb);
                        switch (rnd.nextInt(4)) {
                            case 0: return "bfi" + c + " " + rn(reg()) + ", " + rn(src()) + ", #" + lsb + ", #" + w;
                            case 1: return "bfc" + c + " " + rn(reg()) + ", #" + lsb + ", #" + w;
                            case 2: return "ubfx" + c + " " + rn(reg()) + ", " + rn(src()) + ", #" + lsb + ", #" + w;
                            default: return "sbfx" + c + " " + rn(reg()) + ", " + rn(src()) + ", #" + lsb + ", #" + w;
                        }
                    }
                    case 2: {
                        String rot = pick("", ", ror #8", ", ror #16", ", ror #24");
                        return pick("sxtb", "sxth", "uxtb", "uxth", "sxtb16", "uxtb16") + c + " " + rn(reg()) + ", " + rn(src()) + rot;
                    }
                    case 3: {
                        String rot = pick("", ", ror #8", ", ror #16", ", ror #24");
                        return pick("sxtab", "sxtah", "uxtab", "uxtah", "sxtab16", "uxtab16") + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + rot;
                    }
                    case 4: {
                        if (rnd.nextBoolean()) return "pkhbt" + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + (rnd.nextBoolean() ? "" : ", lsl #" + (1 + rnd.nextInt(31)));
                        return "pkhtb" + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + ", asr #" + (1 + rnd.nextInt(31));
                    }
                    default: {
                        int d = low();
                        return pick("sxtb", "sxth", "uxtb", "uxth") + c + " " + rn(d) + ", " + rn(lowSrc());
                    }
                }
            }
            if (k < 81) { // status register moves and hints
                switch (rnd.nextInt(4)) {
                    case 0: case 1: return "mrs" + c + " " + rn(reg()) + ", apsr";
                    case 2: return "msr" + c + " " + pick("apsr_nzcvq", "apsr_g", "apsr_nzcvqg") + ", " + rn(src());
                    default: return "nop" + c + (rnd.nextBoolean() ? ".w" : "");
                }
            }
            // DSP
            switch (rnd.nextInt(8)) {
                case 0: case 1: {
                    String p = pick("s", "q", "sh", "u", "uq", "uh");
                    String op = pick("add16", "asx", "sax", "sub16", "add8", "sub8");
                    return p + op + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                }
                case 2: return pick("qadd", "qsub", "qdadd", "qdsub", "sel", "usad8") + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                case 3: {
                    switch (rnd.nextInt(4)) {
                        case 0: return "ssat" + c + " " + rn(reg()) + ", #" + (1 + rnd.nextInt(32)) + ", " + rn(src()) + satShift();
                        case 1: return "usat" + c + " " + rn(reg()) + ", #" + rnd.nextInt(32) + ", " + rn(src()) + satShift();
                        case 2: return "ssat16" + c + " " + rn(reg()) + ", #" + (1 + rnd.nextInt(16)) + ", " + rn(src());
                        default: return "usat16" + c + " " + rn(reg()) + ", #" + rnd.nextInt(16) + ", " + rn(src());
                    }
                }
                case 4: {
                    String xy = pick("bb", "bt", "tb", "tt");
                    if (rnd.nextBoolean()) return "smul" + xy + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                    return "smla" + xy + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + ", " + rn(src());
                }
                case 5: {
                    String y = pick("b", "t");
                    if (rnd.nextBoolean()) return "smulw" + y + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                    return "smlaw" + y + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + ", " + rn(src());
                }
                case 6: {
                    switch (rnd.nextInt(4)) {
                        case 0: return pick("smuad", "smuadx", "smusd", "smusdx", "smmul", "smmulr") + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
                        case 1: return pick("smlad", "smladx", "smlsd", "smlsdx", "smmla", "smmlar", "smmls", "smmlsr", "usada8") + c + " "
                                + rn(reg()) + ", " + rn(src()) + ", " + rn(src()) + ", " + rn(src());
                        default: {
                            int lo = reg(), hi = regNot(lo);
                            return pick("smlald", "smlaldx", "smlsld", "smlsldx", "smlalbb", "smlalbt", "smlaltb", "smlaltt") + c + " " + rn(lo) + ", " + rn(hi) + ", "
                                    + rn(src()) + ", " + rn(src());
                        }
                    }
                }
                default: return pick("qadd16", "qsub8", "uqadd8", "shadd16", "uhsub8") + c + " " + rn(reg()) + ", " + rn(src()) + ", " + rn(src());
            }
        }

        String satShift() {
            switch (rnd.nextInt(3)) {
                case 0: return "";
                case 1: return ", lsl #" + rnd.nextInt(32);
                default: return ", asr #" + (1 + rnd.nextInt(31));
            }
        }

        /** a load or store through the base register; cond != null inside IT */
        String memory(String cond) {
            String c = cond == null ? "" : cond;
            int k = rnd.nextInt(100);
            String b = rn(base);
            if (k < 40) { // immediate offset
                int size = pickSize();
                String op = ldst(size);
                int off;
                if (rnd.nextBoolean()) off = -rnd.nextInt(256);
                else off = rnd.nextInt(size == 1 ? 128 : 120);
                if (boff + off < 0 || boff + off + size(op) > WINDOW) off = -off;
                if (boff + off < 0 || boff + off + size(op) > WINDOW) off = 0;
                boolean st = op.startsWith("str");
                int t = st ? src() : reg();
                if (st && t == base) t = reg();
                return op + c + " " + rn(t) + ", [" + b + ", #" + off + "]";
            }
            if (k < 60 && canWriteback(cond)) { // pre/post-indexed with writeback
                int size = pickSize();
                String op = ldst(size);
                int delta = rnd.nextInt(65) - 32;
                boolean pre = rnd.nextBoolean();
                int access = pre ? boff + delta : boff;
                int nb = boff + delta;
                if (access < 0 || access + size(op) > WINDOW || nb < 16 || nb > WINDOW - 16) {
                    delta = -delta;
                    access = pre ? boff + delta : boff;
                    nb = boff + delta;
                    if (access < 0 || access + size(op) > WINDOW || nb < 16 || nb > WINDOW - 16) delta = 0;
                }
                if (delta == 0) return op + c + " " + rn(reg()) + ", [" + b + "]";
                boff += delta;
                int t = reg();
                return op + c + " " + rn(t) + (pre ? ", [" + b + ", #" + delta + "]!" : ", [" + b + "], #" + delta);
            }
            if (k < 72 && cond == null) { // register offset: the index register is set just before
                int size = pickSize();
                String op = ldst(size);
                int idx = reg();
                int sh = rnd.nextInt(4);
                int max = (WINDOW - size(op) - boff) >> sh;
                if (max < 0) return "nop";
                int v = rnd.nextInt(max + 1);
                boolean st = op.startsWith("str");
                int t = st ? src() : regNot(idx);
                return "mov " + rn(idx) + ", #" + v + "\n    " + op + " " + rn(t) + ", [" + b + ", " + rn(idx) + (sh == 0 ? "" : ", lsl #" + sh) + "]";
            }
            if (k < 86 && (boff & 3) == 0) { // LDRD/STRD (word-aligned address, offset a multiple of 4)
                int al = 0;
                boolean ld = rnd.nextBoolean();
                int t = ld ? reg() : src(), t2 = ld ? regNot(t) : src();
                if (!ld && (t == base || t2 == base) && rnd.nextBoolean()) { t = reg(); t2 = reg(); }
                int off = (rnd.nextInt(33) - 16) * 4 - al; // word aligned address
                if (boff + off < 0 || boff + off + 8 > WINDOW) off = -al;
                if (boff + off < 0 || boff + off + 8 > WINDOW) return "nop";
                String op = ld ? "ldrd" : "strd";
                int mode = rnd.nextInt(3);
                if (mode == 0 || t == base || t2 == base || !canWriteback(cond)) return op + c + " " + rn(t) + ", " + rn(t2) + ", [" + b + ", #" + off + "]";
                int nb = boff + off;
                if (nb < 16 || nb > WINDOW - 16) return op + c + " " + rn(t) + ", " + rn(t2) + ", [" + b + ", #" + off + "]";
                if (mode == 1) { boff = nb; return op + c + " " + rn(t) + ", " + rn(t2) + ", [" + b + ", #" + off + "]!"; }
                if (boff + 8 > WINDOW || (boff & 3) != 0) return op + c + " " + rn(t) + ", " + rn(t2) + ", [" + b + ", #" + off + "]";
                boff = nb;
                return op + c + " " + rn(t) + ", " + rn(t2) + ", [" + b + "], #" + off;
            }
            // LDM/STM (not inside IT here)
            if (cond != null || (boff & 3) != 0) return ldst(4) + c + " " + rn(reg()) + ", [" + b + "]";
            boolean ld = rnd.nextBoolean();
            boolean ia = rnd.nextBoolean();
            boolean wb = rnd.nextBoolean() && canWriteback(cond);
            int n = 2 + rnd.nextInt(4);
            boolean[] in = new boolean[15];
            int cnt = 0;
            while (cnt < n) {
                int r = reg();
                if (!in[r]) { in[r] = true; cnt++; }
            }
            int start = ia ? boff : boff - 4 * n;
            if (start < 0 || start + 4 * n > WINDOW) return "nop";
            int nb = ia ? boff + 4 * n : boff - 4 * n;
            if (wb && (nb < 16 || nb > WINDOW - 16)) wb = false;
            if (wb) boff = nb;
            StringBuilder l = new StringBuilder();
            for (int r = 0; r < 15; r++) if (in[r]) l.append(l.length() == 0 ? "" : ", ").append(rn(r));
            return (ld ? "ldm" : "stm") + (ia ? "ia" : "db") + ".w " + b + (wb ? "!" : "") + ", {" + l + "}";
        }

        /** writeback only where the generator knows for sure it happens: not under IT, not skippable by a pending branch */
        boolean canWriteback(String cond) { return cond == null && pendingLabels.isEmpty(); }

        int pickSize() { return new int[] {1, 2, 4, 4}[rnd.nextInt(4)]; }

        String ldst(int size) {
            switch (size) {
                case 1: return pick("ldrb", "ldrsb", "strb");
                case 2: return pick("ldrh", "ldrsh", "strh");
                default: return pick("ldr", "ldr", "str");
            }
        }

        static int size(String op) {
            if (op.endsWith("b")) return 1;
            if (op.endsWith("h")) return 2;
            return 4;
        }

        void itBlock() {
            int ci = rnd.nextInt(COND.length);
            int n = 1 + rnd.nextInt(4);
            StringBuilder mask = new StringBuilder("it");
            String[] conds = new String[n];
            conds[0] = COND[ci];
            for (int i = 1; i < n; i++) {
                boolean t = rnd.nextBoolean();
                mask.append(t ? 't' : 'e');
                conds[i] = t ? COND[ci] : INV[ci];
            }
            List<String> body = new ArrayList<>();
            body.add(mask + " " + COND[ci]);
            boolean branchLast = rnd.nextInt(4) == 0;
            for (int i = 0; i < n; i++) {
                if (branchLast && i == n - 1) { // a branch may end an IT block
                    int label = labelCount++;
                    body.add("b" + conds[i] + (rnd.nextBoolean() ? ".w" : "") + " L" + index + "_" + label);
                    pendingLabels.add(new int[] {label, 2 + rnd.nextInt(3)});
                    break;
                }
                int m = rnd.nextInt(8);
                if (m < 2) body.add(memory(conds[i]));
                else if (m == 2) body.add(spMemory(conds[i]));
                else body.add(alu(conds[i], false));
            }
            out.add(String.join("\n    ", body));
        }

        void branch() {
            int label = labelCount++;
            int skip = 1 + rnd.nextInt(3);
            String l = "L" + index + "_" + label;
            switch (rnd.nextInt(4)) {
                case 0: out.add("b" + COND[rnd.nextInt(COND.length)] + " " + l); break;
                case 1: out.add("b" + COND[rnd.nextInt(COND.length)] + ".w " + l); break;
                case 2: out.add(pick("cbz", "cbnz") + " " + rn(lowSrc()) + ", " + l); break;
                default: out.add("b " + l); break;
            }
            pendingLabels.add(new int[] {label, skip + 1});
        }

        /** SP-relative loads and stores into the case's 256-byte stack area (16-bit SP forms included), ADD Rd, SP, #imm */
        String spMemory(String cond) {
            String c = cond == null ? "" : cond;
            switch (rnd.nextInt(6)) {
                case 0: return "ldr" + c + " " + rn(reg()) + ", [sp, #" + 4 * rnd.nextInt(64) + "]";
                case 1: return "str" + c + " " + rn(src()) + ", [sp, #" + 4 * rnd.nextInt(64) + "]";
                case 2: return pick("ldrb", "ldrsb", "ldrh", "ldrsh") + c + " " + rn(reg()) + ", [sp, #" + (rnd.nextInt(127) * 2) + "]";
                case 3: return pick("strb", "strh") + c + " " + rn(src()) + ", [sp, #" + (rnd.nextInt(127) * 2) + "]";
                case 4: {
                    int t = reg(), t2 = regNot(t);
                    return (rnd.nextBoolean() ? "ldrd" + c + " " + rn(t) + ", " + rn(t2) : "strd" + c + " " + rn(src()) + ", " + rn(src()))
                            + ", [sp, #" + 8 * rnd.nextInt(31) + "]";
                }
                default: return "add" + c + " " + rn(reg()) + ", sp, #" + 4 * rnd.nextInt(64);
            }
        }

        /** TBB or TBH on a small index: each of 3-4 targets runs one instruction, then all rejoin */
        void tableBranch() {
            int t = labelCount++;
            String p = "L" + index + "_t" + t + "_";
            int n = 3 + rnd.nextInt(2);
            int idx = reg();
            boolean h = rnd.nextBoolean();
            List<String> l = new ArrayList<>();
            l.add("mov " + rn(idx) + ", #" + rnd.nextInt(n));
            l.add(h ? "tbh [pc, " + rn(idx) + ", lsl #1]" : "tbb [pc, " + rn(idx) + "]");
            l.add(p + "base:");
            StringBuilder tab = new StringBuilder(h ? ".hword " : ".byte ");
            for (int j = 0; j < n; j++) tab.append(j == 0 ? "" : ", ").append("(").append(p).append(j).append(" - ").append(p).append("base) / 2");
            l.add(tab.toString());
            if (!h) l.add(".align 1");
            for (int j = 0; j < n; j++) {
                l.add(p + j + ":");
                l.add(alu(null, true));
                if (j < n - 1) l.add("b " + p + "end");
            }
            l.add(p + "end:");
            out.add(String.join("\n", l));
        }

        /** PUSH of some registers, a filler instruction, POP of as many (possibly other) registers: SP ends where it began */
        void pushPop() {
            int n = 1 + rnd.nextInt(5);
            String a = regList(n), b = regList(n);
            out.add("push {" + a + "}\n    " + alu(null, true) + "\n    pop {" + b + "}");
        }

        /** n distinct registers other than the base, ascending, as a register list */
        String regList(int n) {
            boolean[] in = new boolean[15];
            int cnt = 0;
            while (cnt < n) {
                int r = reg();
                if (!in[r]) { in[r] = true; cnt++; }
            }
            StringBuilder l = new StringBuilder();
            for (int r = 0; r < 15; r++) if (in[r]) l.append(l.length() == 0 ? "" : ", ").append(rn(r));
            return l.toString();
        }

        void exclusive() {
            String b = rn(base);
            if ((boff & 3) != 0) { out.add("clrex"); return; }
            int kind = rnd.nextInt(4);
            int t = reg(), s = src(), st = regNot(t);
            while (st == s) st = regNot(t);
            List<String> l = new ArrayList<>();
            String clr = rnd.nextInt(5) == 0 ? "clrex" : null;
            if (kind <= 1) {
                int off = ((rnd.nextInt(WINDOW) - boff) & ~3);
                if (boff + off < 0 || boff + off + 4 > WINDOW) off = 0;
                if (off < 0) off = 0; // LDREX/STREX take only non-negative offsets
                l.add("ldrex " + rn(t) + ", [" + b + ", #" + off + "]");
                l.add(alu(null, true));
                if (clr != null) l.add(clr);
                l.add("strex " + rn(st) + ", " + rn(s) + ", [" + b + ", #" + off + "]");
            } else {
                String sz = kind == 2 ? "b" : "h";
                l.add("ldrex" + sz + " " + rn(t) + ", [" + b + "]");
                if (clr != null) l.add(clr);
                l.add("strex" + sz + " " + rn(st) + ", " + rn(s) + ", [" + b + "]");
            }
            // keep the ALU filler from touching the pair's registers in a way that matters: it may, that is fine
            out.add(String.join("\n    ", l));
        }
    }
}

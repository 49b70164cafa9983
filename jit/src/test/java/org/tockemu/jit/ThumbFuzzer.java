package org.tockemu.jit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random Thumb-2 programs, encoded directly (no assembler, so millions can run): a vector
 * table whose handlers stop with BKPT, a prologue loading random registers and flags, one or two
 * loops over random bodies (16/32-bit ALU with all operand forms, shifts, multiplies, divides,
 * bit fields, extends, DSP, loads/stores of every size and addressing form inside RAM, from code
 * (literal pools) and through a "wild" pointer to code-store data, unaligned or unmapped
 * addresses, LDM/STM/PUSH/POP, IT blocks, forward B&lt;c&gt;/CBZ/CBNZ, BL to a leaf function,
 * MSR/MRS APSR) and a final BKPT.
 *
 * <p>Register roles: r0-r6 and r9 are free; r7 and r11 point into RAM; r8 is a small index;
 * r10 counts the loop; r12 is the wild pointer.
 */
public final class ThumbFuzzer {
    public static final int CODE_START = 0x100, HANDLER = 0x80;
    private static final int[] FREE = {0, 1, 2, 3, 4, 5, 6, 9};
    private static final int[] FREE_LOW = {0, 1, 2, 3, 4, 5, 6};

    private final SplittableRandom rnd;
    /** Items: each a list of halfwords; branches fixed up after layout. */
    private final List<int[]> items = new ArrayList<>();
    private final List<int[]> fixups = new ArrayList<>(); // {item, kind, targetItem}

    public ThumbFuzzer(long seed) { rnd = new SplittableRandom(seed); }

    private int free() { return FREE[rnd.nextInt(FREE.length)]; }
    private int low() { return FREE_LOW[rnd.nextInt(FREE_LOW.length)]; }
    private int anyReg() { return rnd.nextInt(13); }
    private int srcLow() { return rnd.nextInt(8); }
    private boolean chance(int pct) { return rnd.nextInt(100) < pct; }

    private int emit(int... hws) { items.add(hws); return items.size() - 1; }

    private void t32(int hw1, int hw2) { emit(hw1, hw2); }

    private void movw(int rd, int v) {
        t32(0xF240 | ((v >>> 11) & 1) << 10 | ((v >>> 12) & 0xF), ((v >>> 8) & 7) << 12 | rd << 8 | (v & 0xFF));
    }

    private void movt(int rd, int v) {
        t32(0xF2C0 | ((v >>> 11) & 1) << 10 | ((v >>> 12) & 0xF), ((v >>> 8) & 7) << 12 | rd << 8 | (v & 0xFF));
    }

    private void load32(int rd, int v) { movw(rd, v & 0xFFFF); movt(rd, v >>> 16); }

    private int randomValue() {
        switch (rnd.nextInt(6)) {
            case 0: return rnd.nextInt(16);
            case 1: return -rnd.nextInt(16);
            case 2: return 0x7FFFFFFF - rnd.nextInt(4);
            case 3: return 0x80000000 + rnd.nextInt(4);
            default: return rnd.nextInt();
        }
    }

    /** Code image: vector table, handler, program, leaf function. */
    public byte[] generate() {
        int ram = 0x20000000;
        // prologue
        for (int r : FREE) load32(r, randomValue());
        load32(7, ram + 0x10000 + (rnd.nextInt(0x1000) & ~3));
        load32(11, ram + 0x20000 + (rnd.nextInt(0x1000) & ~3));
        load32(8, rnd.nextInt(32));
        int wild;
        switch (rnd.nextInt(6)) {
            case 0: wild = 0x80000 + rnd.nextInt(0x100); break;          // code-store data (slow path, code-write listener)
            case 1: wild = CODE_START + rnd.nextInt(0x40); break;        // reads of code
            case 2: wild = ram + 0x30000 + rnd.nextInt(0x100); break;    // RAM, maybe unaligned
            case 3: wild = 0x10000000 + rnd.nextInt(0x100); break;       // unmapped: bus fault
            case 4: wild = ram + 0x3FFF8 + rnd.nextInt(8); break;        // end of RAM: straddles
            default: wild = ram + 0x30000; break;
        }
        load32(12, wild);
        emit(0xB0C0); // SUB SP, SP, #256
        int flagsReg = free();
        load32(flagsReg, rnd.nextInt() & 0xF8000000);
        t32(0xF380 | flagsReg, 0x8800); // MSR APSR_nzcvq
        int loops = 1 + rnd.nextInt(2);
        List<Integer> bls = new ArrayList<>();
        for (int l = 0; l < loops; l++) {
            load32(10, 1 + rnd.nextInt(chance(20) ? 200 : 20));
            int head = items.size();
            int len = 3 + rnd.nextInt(chance(10) ? 120 : 30);
            for (int i = 0; i < len; i++) {
                int k = rnd.nextInt(100);
                if (k < 6) itBlock();
                else if (k < 9) forwardBranch();
                else if (k < 11) { bls.add(emit(0, 0)); }
                else if (k < 13) pushPop();
                else randomInsn(false);
            }
            t32(0xF1BA, 0x0A01); // SUBS.W r10, r10, #1
            int b = emit(0, 0);  // BNE.W head
            fixups.add(new int[] {b, 3, head});
        }
        emit(0xBE00); // BKPT #0
        int leaf = items.size();
        int n = 1 + rnd.nextInt(6);
        if (chance(50)) emit(0xB500 | 0x10); // PUSH {r4, lr}
        boolean pushed = items.size() > leaf;
        for (int i = 0; i < n; i++) randomInsn(false);
        emit(pushed ? 0xBD10 : 0x4770);      // POP {r4, pc} / BX LR
        for (int bl : bls) fixups.add(new int[] {bl, 4, leaf});
        return layout();
    }

    private byte[] layout() {
        int[] addr = new int[items.size() + 1];
        int a = CODE_START;
        for (int i = 0; i < items.size(); i++) { addr[i] = a; a += 2 * items.get(i).length; }
        addr[items.size()] = a;
        for (int[] f : fixups) {
            int pc = addr[f[0]], target = addr[f[2]];
            int off = target - (pc + 4);
            int[] it = items.get(f[0]);
            switch (f[1]) {
                case 1: it[0] = (it[0] & 0xFF00) | ((off >> 1) & 0xFF); break;          // B<c> T1
                case 2: it[0] = (it[0] & 0xFD07) | (((off >> 6) & 1) << 9) | (((off >> 1) & 0x1F) << 3); break; // CBZ
                case 3: { // B<c>.W T3, cond NE
                    int s = off < 0 ? 1 : 0;
                    it[0] = 0xF000 | s << 10 | 1 << 6 | ((off >> 12) & 0x3F);
                    it[1] = 0x8000 | ((off >> 18) & 1) << 13 | ((off >> 19) & 1) << 11 | ((off >> 1) & 0x7FF);
                    break;
                }
                default: { // BL
                    int s = off < 0 ? 1 : 0;
                    int i1 = (off >> 23) & 1, i2 = (off >> 22) & 1;
                    int j1 = (~(i1 ^ s)) & 1, j2 = (~(i2 ^ s)) & 1;
                    it[0] = 0xF000 | s << 10 | ((off >> 12) & 0x3FF);
                    it[1] = 0xD000 | j1 << 13 | j2 << 11 | ((off >> 1) & 0x7FF);
                }
            }
        }
        byte[] img = new byte[a + 64];
        // vector table: SP, reset, then every handler -> HANDLER (BKPT #1)
        put32(img, 0, 0x20040000);
        for (int v = 1; v < 32; v++) put32(img, 4 * v, HANDLER | 1);
        put16(img, HANDLER, 0xBE01);
        for (int i = 0; i < items.size(); i++) {
            int p = addr[i];
            for (int hw : items.get(i)) { put16(img, p, hw); p += 2; }
        }
        return img;
    }

    private static void put16(byte[] b, int off, int v) { b[off] = (byte) v; b[off + 1] = (byte) (v >>> 8); }
    private static void put32(byte[] b, int off, int v) { put16(b, off, v); put16(b, off + 2, v >>> 16); }

    // ------------------------------------------------------------------ structures

    private void itBlock() {
        int cond = rnd.nextInt(14);
        int n = 1 + rnd.nextInt(4);
        int mask = 0;
        int c0 = cond & 1;
        for (int i = 1; i < n; i++) {
            int bit = rnd.nextBoolean() ? c0 : c0 ^ 1;
            mask |= bit << (4 - i);
        }
        mask |= 1 << (4 - n);
        emit(0xBF00 | cond << 4 | mask);
        for (int i = 0; i < n; i++) randomInsn(true);
    }

    private void forwardBranch() {
        int skip = 1 + rnd.nextInt(3);
        int b;
        if (chance(50)) b = emit(0xD000 | rnd.nextInt(14) << 8);
        else b = emit((rnd.nextBoolean() ? 0xB100 : 0xB900) | low());
        fixups.add(new int[] {b, (items.get(b)[0] & 0xF000) == 0xD000 ? 1 : 2, 0});
        int[] f = fixups.get(fixups.size() - 1);
        for (int i = 0; i < skip; i++) randomInsn(false);
        f[2] = items.size();
    }

    private void pushPop() {
        int list = (rnd.nextInt(0x7F) + 1) & 0x7F;
        boolean lr = rnd.nextBoolean();
        if (chance(50)) {
            emit(0xB400 | (lr ? 0x100 : 0) | list);
            for (int i = 0, n = rnd.nextInt(3); i < n; i++) randomInsn(false);
            emit(0xBC00 | list);
            if (lr) t32(0xF85D, 0xEB04); // LDR.W lr, [sp], #4
        } else {
            // STMDB/LDMIA.W on sp with writeback (PUSH.W/POP.W forms), no PC
            int l = list | (lr ? 0x4000 : 0);
            if (Integer.bitCount(l) < 2) l |= 0x3;
            t32(0xE92D, l);
            t32(0xE8BD, l);
        }
    }

    // ------------------------------------------------------------------ instructions

    private static final int[] DP_OPS = {0, 1, 2, 3, 4, 8, 10, 11, 13, 14};

    private int modImm() {
        // i:imm3:imm8 either a plain/replicated byte or a rotated one
        int i = rnd.nextInt(2), imm3 = rnd.nextInt(8), imm8 = rnd.nextInt(256);
        if (i == 0 && imm3 < 4 && imm3 > 0 && imm8 == 0) imm8 = 1;
        return i << 26 | imm3 << 12 | imm8; // i shifted into hw1 position later
    }

    private void randomInsn(boolean inIt) {
        int rd = free(), rn = anyReg(), rm = anyReg();
        int kind = rnd.nextInt(44);
        switch (kind) {
            case 0: emit(rnd.nextInt(3) << 11 | rnd.nextInt(32) << 6 | srcLow() << 3 | low()); break;           // LSL/LSR/ASR imm
            case 1: emit((rnd.nextBoolean() ? 0x1800 : 0x1A00) | srcLow() << 6 | srcLow() << 3 | low()); break; // ADD/SUB reg
            case 2: emit((rnd.nextBoolean() ? 0x1C00 : 0x1E00) | rnd.nextInt(8) << 6 | srcLow() << 3 | low()); break;
            case 3: emit((0x2000 | rnd.nextInt(4) << 11) + (low() << 8) + rnd.nextInt(256)); break;              // MOV/CMP/ADD/SUB imm8
            case 4: case 5: {
                int op = rnd.nextInt(16);
                int d = low();
                emit(0x4000 | op << 6 | srcLow() << 3 | d);
                break;
            }
            case 6: { // ADD/CMP/MOV high registers (no SP/PC)
                int op = rnd.nextInt(3);
                int m = rnd.nextInt(13), d = op == 1 ? rnd.nextInt(13) : free();
                if (op == 1 && d < 8 && m < 8) m += 8;
                if (m == 13) m = 12;
                emit(0x4400 | op << 8 | (d >> 3) << 7 | m << 3 | (d & 7));
                break;
            }
            case 7: case 8: { // loads/stores register offset, base r7, index r8
                int[] ops32 = {0xF840, 0xF850, 0xF820, 0xF830, 0xF800, 0xF810, 0xF910, 0xF930};
                int o = ops32[rnd.nextInt(ops32.length)];
                boolean store = (o & 0x10) == 0;
                t32(o | 11, (store ? anyRegNoSpPc() : free()) << 12 | rnd.nextInt(4) << 4 | 8);
                break;
            }
            case 9: case 10: { // 16-bit imm5 forms, base r7
                int[] ops = {0x6000, 0x6800, 0x7000, 0x7800, 0x8000, 0x8800};
                int o = ops[rnd.nextInt(ops.length)];
                boolean load = (o & 0x0800) != 0;
                emit(o | rnd.nextInt(32) << 6 | 7 << 3 | (load ? low() : srcLow()));
                break;
            }
            case 11: { // SP-relative
                boolean load = rnd.nextBoolean();
                emit((load ? 0x9800 : 0x9000) | (load ? low() : srcLow()) << 8 | rnd.nextInt(16));
                break;
            }
            case 12: case 13: { // 32-bit imm12 forms, base r11 or wild r12
                int[] ops = {0xF8C0, 0xF8D0, 0xF880, 0xF890, 0xF8A0, 0xF8B0, 0xF990, 0xF9B0};
                int o = ops[rnd.nextInt(ops.length)];
                boolean store = (o & 0x10) == 0;
                int base = chance(15) ? 12 : 11;
                t32(o | base, (store ? anyRegNoSpPc() : free()) << 12 | (base == 12 ? rnd.nextInt(16) : rnd.nextInt(4096)));
                break;
            }
            case 14: { // imm8 with P/U/W (writeback on r11 only, small)
                int[] ops = {0xF840, 0xF850, 0xF800, 0xF810, 0xF820, 0xF830, 0xF910, 0xF930};
                int o = ops[rnd.nextInt(ops.length)];
                boolean store = (o & 0x10) == 0;
                int p = rnd.nextInt(2), u = rnd.nextInt(2), w = rnd.nextInt(2);
                if (p == 0) w = 1;
                if (p == 1 && u == 1 && w == 0) u = 0; // that is LDRT
                t32(o | 11, free() << 12 | 1 << 11 | p << 10 | u << 9 | w << 8 | rnd.nextInt(w == 1 ? 16 : 256));
                break;
            }
            case 15: emit(0x4800 | low() << 8 | rnd.nextInt(256)); break; // LDR literal (reads code)
            case 16: t32(0xF85F | (rnd.nextBoolean() ? 0x80 : 0), free() << 12 | rnd.nextInt(256)); break; // LDR.W literal
            case 17: case 18: case 19: { // modified immediate
                int op = DP_OPS[rnd.nextInt(DP_OPS.length)];
                int s = rnd.nextInt(2);
                int n = anyRegNoSpPc();
                int d = free();
                int imm = modImm();
                if (chance(15)) { // TST/TEQ/CMN/CMP
                    int[] cmpOps = {0, 4, 8, 13};
                    op = cmpOps[rnd.nextInt(4)]; s = 1; d = 15;
                } else if (chance(15)) { // MOV/MVN
                    op = rnd.nextBoolean() ? 2 : 3; n = 15;
                }
                t32(0xF000 | (imm >>> 26) << 10 | op << 5 | s << 4 | n, (imm & 0x70FF) | d << 8);
                break;
            }
            case 20: case 21: case 22: { // shifted register
                int op = DP_OPS[rnd.nextInt(DP_OPS.length)];
                int s = rnd.nextInt(2), n = anyRegNoSpPc(), d = free(), m = anyRegNoSpPc();
                if (chance(15)) { int[] cmpOps = {0, 4, 8, 13}; op = cmpOps[rnd.nextInt(4)]; s = 1; d = 15; }
                else if (chance(15)) { op = rnd.nextBoolean() ? 2 : 3; n = 15; }
                int sh = rnd.nextInt(32);
                t32(0xEA00 | op << 5 | s << 4 | n, (sh >> 2) << 12 | d << 8 | (sh & 3) << 6 | rnd.nextInt(4) << 4 | m);
                break;
            }
            case 23: t32(0xFA00 | rnd.nextInt(4) << 5 | rnd.nextInt(2) << 4 | anyRegNoSpPc(), 0xF000 | free() << 8 | anyRegNoSpPc()); break; // shift by reg
            case 24: { int v = rnd.nextInt(65536); if (rnd.nextBoolean()) movw(free(), v); else movt(free(), v); break; }
            case 25: { // ADDW/SUBW
                int imm = rnd.nextInt(4096);
                t32((rnd.nextBoolean() ? 0xF200 : 0xF2A0) | (imm >> 11) << 10 | anyRegNoSpPc(), ((imm >> 8) & 7) << 12 | free() << 8 | (imm & 0xFF));
                break;
            }
            case 26: { // UBFX/SBFX/BFI/BFC
                int lsb = rnd.nextInt(32), width = 1 + rnd.nextInt(32 - lsb);
                int which = rnd.nextInt(4);
                int hw2 = (lsb >> 2) << 12 | free() << 8 | (lsb & 3) << 6;
                if (which == 0) t32(0xF3C0 | anyRegNoSpPc(), hw2 | (width - 1));
                else if (which == 1) t32(0xF340 | anyRegNoSpPc(), hw2 | (width - 1));
                else if (which == 2) t32(0xF360 | anyRegNoSpPc(), hw2 | (lsb + width - 1));
                else t32(0xF36F, hw2 | (lsb + width - 1));
                break;
            }
            case 27: { // MUL/MLA/MLS
                int w = rnd.nextInt(3);
                if (w == 0) t32(0xFB00 | anyRegNoSpPc(), 0xF000 | free() << 8 | anyRegNoSpPc());
                else t32(0xFB00 | anyRegNoSpPc(), anyRegNoSpPc() << 12 | free() << 8 | (w == 2 ? 0x10 : 0) | anyRegNoSpPc());
                break;
            }
            case 28: { // long multiplies
                int[] ops = {0xFBA0, 0xFB80, 0xFBE0, 0xFBC0};
                int lo = free(), hi = free();
                if (lo == hi) hi = lo == 0 ? 1 : 0;
                t32(ops[rnd.nextInt(4)] | anyRegNoSpPc(), lo << 12 | hi << 8 | anyRegNoSpPc());
                break;
            }
            case 29: t32((rnd.nextBoolean() ? 0xFBB0 : 0xFB90) | anyRegNoSpPc(), 0xF0F0 | free() << 8 | anyRegNoSpPc()); break; // UDIV/SDIV
            case 30: { // CLZ/RBIT/REV/REV16/REVSH (32-bit)
                int m = anyRegNoSpPc();
                int[] op2 = {0xF080, 0xF0A0, 0xF080, 0xF090, 0xF0B0};
                int[] op1 = {0xFAB0, 0xFA90, 0xFA90, 0xFA90, 0xFA90};
                int k = rnd.nextInt(5);
                t32(op1[k] | m, op2[k] | free() << 8 | m);
                break;
            }
            case 31: emit(0xB200 | rnd.nextInt(4) << 6 | srcLow() << 3 | low()); break; // SXTH/SXTB/UXTH/UXTB
            case 32: { int[] o = {0xBA00, 0xBA40, 0xBAC0}; emit(o[rnd.nextInt(3)] | srcLow() << 3 | low()); break; } // REV*
            case 33: { // extends 32-bit with rotation, add forms
                int op = rnd.nextInt(6); // SXTAH SXTH UXTAH UXTH SXTAB SXTB ...
                int[] base = {0xFA00, 0xFA10, 0xFA40, 0xFA50};
                int b = base[rnd.nextInt(4)];
                int n = rnd.nextBoolean() ? 15 : anyRegNoSpPc();
                t32(b | n, 0xF080 | free() << 8 | rnd.nextInt(4) << 4 | anyRegNoSpPc());
                break;
            }
            case 34: { // DSP: QADD/QSUB, SADD16/UADD8/..., SEL, SSAT/USAT
                int k = rnd.nextInt(6);
                if (k >= 4) { // SMLAxy/SMULxy, SMLAWy/SMULWy, SMLAD/SMUAD, SMLSD/SMUSD
                    int[] ops = {0xFB10, 0xFB30, 0xFB20, 0xFB40};
                    int o = ops[rnd.nextInt(4)];
                    int ra = rnd.nextBoolean() ? 15 : anyRegNoSpPc();
                    int bits = o == 0xFB10 ? rnd.nextInt(4) : rnd.nextInt(2);
                    t32(o | anyRegNoSpPc(), ra << 12 | free() << 8 | bits << 4 | anyRegNoSpPc());
                    break;
                }
                if (k == 0) t32(0xFA80 | anyRegNoSpPc(), 0xF080 | free() << 8 | rnd.nextInt(4) << 4 | anyRegNoSpPc());
                else if (k == 1) t32(0xFA80 | rnd.nextInt(8) << 4 | anyRegNoSpPc(), 0xF000 | free() << 8 | rnd.nextInt(8) << 4 | anyRegNoSpPc());
                else if (k == 2) t32(0xFAA0 | anyRegNoSpPc(), 0xF080 | free() << 8 | anyRegNoSpPc());
                else t32((rnd.nextBoolean() ? 0xF300 : 0xF380) | anyRegNoSpPc(), free() << 8 | rnd.nextInt(32));
                break;
            }
            case 35: { // LDRD/STRD offset on r11
                int t = free(), t2 = free();
                boolean load = rnd.nextBoolean();
                if (load && t == t2) t2 = t == 0 ? 1 : 0;
                t32(0xE940 | (load ? 0x10 : 0) | (rnd.nextBoolean() ? 0x80 : 0) | 11, t << 12 | t2 << 8 | rnd.nextInt(64));
                break;
            }
            case 36: { // LDM/STM.W on r11 without writeback
                int list = 0;
                for (int r : FREE) if (rnd.nextBoolean()) list |= 1 << r;
                if (Integer.bitCount(list) < 2) list |= 0x3;
                int[] ops = {0xE880, 0xE890, 0xE900, 0xE910};
                t32(ops[rnd.nextInt(4)] | 11, list);
                break;
            }
            case 37: { // STMIA/LDMIA 16-bit on r7 with writeback? (r7 must not move much): LDM without writeback needs r7 in list: use STM then LDMDB.W back
                int list = 0;
                for (int r : FREE_LOW) if (rnd.nextBoolean()) list |= 1 << r;
                if (list == 0) list = 1;
                emit(0xC700 | list);                  // STMIA r7!, {list}
                t32(0xE937, list);                      // LDMDB r7!, {list}
                break;
            }
            case 38: if (!inIt) { t32(0xF3EF, 0x8000 | free() << 8); } else emit(0xBF00); break; // MRS APSR
            case 39: if (!inIt && chance(30)) { t32(0xF380 | anyRegNoSpPc(), 0x8800); } else emit(0xBF00); break; // MSR APSR_nzcvq
            case 40: emit(0xA000 | low() << 8 | rnd.nextInt(256)); break; // ADR
            case 41: { // wild loads/stores through r12 (slow paths, faults, code-store writes)
                int[] ops = {0xF8C0, 0xF8D0, 0xF880, 0xF890, 0xF8A0, 0xF8B0};
                int o = ops[rnd.nextInt(ops.length)];
                boolean store = (o & 0x10) == 0;
                if (!chance(30)) { randomInsn(inIt); break; }
                t32(o | 12, (store ? anyRegNoSpPc() : free()) << 12 | rnd.nextInt(8));
                break;
            }
            case 42: { // RRX / ROR imm via MOV shifted with S
                t32(0xEA4F | rnd.nextInt(2) << 4, free() << 8 | 0x30 | anyRegNoSpPc());
                break;
            }
            default: { // ADC/SBC/RSB-heavy flag chains (16-bit: ADCS/SBCS/RSBS/CMN)
                int[] ops = {5, 6, 9, 11};
                emit(0x4000 | ops[rnd.nextInt(4)] << 6 | srcLow() << 3 | low());
            }
        }
    }

    private int anyRegNoSpPc() {
        int r = rnd.nextInt(13);
        return r;
    }
}

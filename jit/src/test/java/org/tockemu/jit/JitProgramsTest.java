package org.tockemu.jit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/** Hand-written programs run under both engines with many slice sizes; state must be identical. */
class JitProgramsTest {
    static final long[][] SLICES = {{1L << 40}, {1}, {7}, {13, 1, 29}, {100}, {3, 64, 5, 1000}};

    static void check(String src) {
        Asm.assumeAvailable();
        byte[] code = Asm.m4(src + "\n bkpt #0\n");
        for (long[] s : SLICES) {
            for (int th : new int[] {1, 2, 5}) {
                String d = DiffRunner.compare(code, null, s, 200_000, th);
                assertNull(d, d);
            }
        }
    }

    @Test void countingLoop() {
        check("movs r0, #0\n movs r1, #100\n1: adds r0, r0, r1\n subs r1, #1\n bne 1b\n");
    }

    @Test void memoryLoop() {
        check("ldr r2, =0x20000100\n movs r1, #50\n movs r0, #0\n"
                + "1: str r1, [r2, r1, lsl #2]\n ldr r3, [r2, r1, lsl #2]\n add r0, r3\n strb r0, [r2]\n ldrsb r4, [r2]\n"
                + " strh r0, [r2, #2]\n ldrsh r5, [r2, #2]\n ldrh r6, [r2, #2]\n subs r1, #1\n bne 1b\n"
                + " push {r0-r6, lr}\n pop {r0-r6}\n ldr r7, [sp], #4\n str r7, [r2, #4]!\n ldr r8, [r2, #-4]!\n"
                + " stmia r2!, {r0, r1, r3}\n ldmdb r2!, {r4, r5, r6}\n");
    }

    @Test void itBlocksAndFlags() {
        check("movs r0, #5\n movs r1, #0\n movs r4, #0\n"
                + "1: cmp r0, #3\n ite gt\n addgt r1, r1, #2\n suble r1, r1, #1\n"
                + " itt eq\n moveq r2, #7\n addeq r4, r4, r2\n"
                + " adds r3, r0, r1\n it mi\n rsbmi r3, r3, #0\n"
                + " subs r0, #1\n bpl 1b\n"
                + " mov r5, #0x80000000\n adds r5, r5, r5\n adcs r6, r5, r5\n sbcs r7, r6, #1\n rrx r8, r7\n"
                + " lsls r9, r7, #3\n asrs r10, r9, #31\n rors r11, r10, r0\n lsrs r12, r11, #32\n");
    }

    /** A switch compiled to TBB/TBH behind cmp/bhi: folded to constant targets; out-of-range indices take the default. */
    @Test void tableBranches() {
        String cases = "10: adds r4, #1\n b 9f\n11: adds r4, #2\n b 9f\n12: adds r4, #3\n b 9f\n"
                + "13: adds r4, #5\n b 9f\n14: adds r4, #7\n b 9f\n15: adds r4, #11\n b 9f\n"
                + "8: adds r4, #100\n9: adds r1, #1\n cmp r1, #60\n bne 1b\n";
        check("movs r4, #0\n movs r1, #0\n"
                + "1: and r3, r1, #7\n cmp r3, #5\n bhi 8f\n tbb [pc, r3]\n"
                + "2: .byte (10f-2b)/2, (11f-2b)/2, (12f-2b)/2, (13f-2b)/2, (14f-2b)/2, (15f-2b)/2\n .align 1\n" + cases);
        check("movs r4, #0\n movs r1, #0\n"
                + "1: and r3, r1, #7\n cmp r3, #5\n bhi 8f\n tbh [pc, r3, lsl #1]\n"
                + "2: .hword (10f-2b)/2, (11f-2b)/2, (12f-2b)/2, (13f-2b)/2, (14f-2b)/2, (15f-2b)/2\n" + cases);
    }

    /** The TBB above is folded (not only executed by the executor): six constant targets. */
    @Test void tableBranchIsFolded() {
        Asm.assumeAvailable();
        byte[] code = Asm.m4("1: and r3, r1, #7\n cmp r3, #5\n bhi 8f\n tbb [pc, r3]\n"
                + "2: .byte 3, 4, 5, 6, 7, 8\n .align 1\n 8: b 1b\n");
        org.tockemu.core.mem.Region region = org.tockemu.core.mem.Region.memory("code", 0, 4096, false, true);
        System.arraycopy(code, 0, region.data, 0, code.length);
        RegionBuilder rb = new RegionBuilder(region, 0, 40);
        assertTrue(rb.build());
        IrNode tbb = null;
        for (IrNode n : rb.nodes) if (n.in.name.startsWith("TBB")) tbb = n;
        org.junit.jupiter.api.Assertions.assertNotNull(tbb, "TBB in the region");
        org.junit.jupiter.api.Assertions.assertNotNull(tbb.switchTargets, "folded");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {tbb.pc + 4 + 6, tbb.pc + 4 + 8, tbb.pc + 4 + 10,
                tbb.pc + 4 + 12, tbb.pc + 4 + 14, tbb.pc + 4 + 16}, tbb.switchTargets);
    }

    /**
     * Every condition on the flags of CMP and SUBS (fused into direct compares of the operands)
     * over signed and unsigned edge values, as branches and in IT blocks; CMN, ADDS and a MOVS
     * between the compare and the branch keep the general path.
     */
    @Test void conditionsOnSubtractions() {
        StringBuilder sb = new StringBuilder("ldr r5, =0x20000100\n movs r4, #0\n movs r6, #0\n");
        String[] conds = {"cs", "cc", "hi", "ls", "ge", "lt", "gt", "le", "eq", "ne", "mi", "pl", "vs", "vc"};
        // r0 - r1 over pairs of edge values read from a table, each condition counted into r4/r6
        sb.append("1: ldr r0, [r5, r6, lsl #3]\n add r7, r5, r6, lsl #3\n ldr r1, [r7, #4]\n");
        for (int i = 0; i < conds.length; i++) {
            String c = conds[i];
            sb.append(" cmp r0, r1\n b").append(c).append(" 2f\n adds r4, #").append(i + 1).append("\n2:\n");
            sb.append(" subs r2, r0, r1\n it ").append(c).append("\n add").append(c).append(" r4, r4, r2\n");
            sb.append(" cmn r0, r1\n it ").append(c).append("\n eor").append(c).append(" r4, r4, #").append(i + 3).append("\n");
            sb.append(" cmp r1, r0\n movs r3, r0\n it ").append(c).append("\n add").append(c).append(" r4, r4, #1\n");
        }
        sb.append(" adds r6, #1\n cmp r6, #16\n blo 1b\n b 9f\n .ltorg\n 9:\n");
        // the table: stored by the program first, so it lives in RAM
        StringBuilder init = new StringBuilder("ldr r5, =0x20000100\n");
        int[] v = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 5, 0x80000001, -5};
        for (int k = 0; k < 16; k++) { // pairs of different values, then of equal ones
            init.append(" ldr r0, =").append(v[k % 8]).append("\n str r0, [r5, #").append(8 * k).append("]\n");
            init.append(" ldr r0, =").append(v[k < 8 ? (k * 3 + 1) % 8 : k % 8]).append("\n str r0, [r5, #").append(8 * k + 4).append("]\n");
        }
        check(init + " b 8f\n .ltorg\n8:\n" + sb);
    }

    /** A CMP then a conditional branch: the region knows the CMP produced the flags (the fused compare applies). */
    @Test void subtractionIsTheFlagProducer() {
        Asm.assumeAvailable();
        byte[] code = Asm.m4("1: ldr r3, [r2]\n cmp r2, r3\n bcc 1b\n movs r0, #1\n bkpt #0\n");
        org.tockemu.core.mem.Region region = org.tockemu.core.mem.Region.memory("code", 0, 4096, false, true);
        System.arraycopy(code, 0, region.data, 0, code.length);
        RegionBuilder rb = new RegionBuilder(region, 0, 40);
        assertTrue(rb.build());
        IrNode cmp = rb.byPc.get(2), bcc = rb.byPc.get(4);
        org.junit.jupiter.api.Assertions.assertEquals(cmp.index, bcc.cvSrc, "C/V of the CMP");
        org.junit.jupiter.api.Assertions.assertEquals(cmp.index, bcc.nzSrc, "N/Z of the CMP");
        org.junit.jupiter.api.Assertions.assertEquals(-1, rb.byPc.get(0).cvSrc, "flags from outside at the loop header");
    }

    /** Nested loops entered at the inner header: reached through the outer header, so both loops stay reducible. */
    @Test void innerLoopEntryGoesThroughOuterHeader() {
        Asm.assumeAvailable();
        String src = "movs r0, #0\n movs r2, #0\n"
                + "1: movs r1, #9\n"
                + "2: adds r0, r0, r1\n subs r1, #1\n bne 2b\n"
                + " adds r2, #1\n cmp r2, #30\n bne 1b\n";
        check(src);
        byte[] code = Asm.m4(src + " bkpt #0\n");
        org.tockemu.core.mem.Region region = org.tockemu.core.mem.Region.memory("code", 0, 4096, false, true);
        System.arraycopy(code, 0, region.data, 0, code.length);
        RegionBuilder rb = new RegionBuilder(region, 6, 40); // entered at the inner loop (2:)
        assertTrue(rb.build());
        int[] entries = rb.entries();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {4, 6}, entries, "both headers are entries");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {4}, rb.resumeChains[1], "inner entry via the outer header");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[0], rb.resumeChains[0]);
    }

    @Test void callsAndLiterals() {
        check("ldr r0, =0x12345678\n movs r4, #20\n"
                + "1: bl f\n subs r4, #1\n cbz r4, 2f\n b 1b\n"
                + "2: b 3f\n"
                + "f: push {r4, lr}\n ldr r1, =0xdeadbeef\n eor r0, r0, r1, ror #3\n ubfx r2, r0, #3, #7\n"
                + " bfi r0, r2, #8, #4\n uxtb r3, r0\n sxth r3, r3, ror #8\n clz r2, r0\n rev r2, r2\n mul r3, r2, r0\n"
                + " mla r3, r2, r0, r3\n umull r5, r6, r3, r0\n smlal r5, r6, r0, r3\n udiv r7, r6, r4\n pop {r4, pc}\n"
                + ".ltorg\n3: nop\n");
    }

    /**
     * Returns through LDM with the PC (inline when the loaded PC is a Thumb address) and divides
     * (inline unless by zero; INT_MIN / -1 = INT_MIN): a POP into an even address (interworking to
     * ARM state: an INVSTATE fault at the target) takes the executor.
     */
    @Test void popReturnsAndDivides() {
        check("movs r4, #12\n mov r8, #0x80000000\n mvn r9, #0\n movs r10, #0\n"
                + "1: bl f\n bl g\n subs r4, #1\n bne 1b\n"
                + " sdiv r0, r8, r9\n udiv r1, r8, r10\n sdiv r2, r9, r10\n udiv r3, r9, r8\n"
                + " ldr r5, =0x20000200\n adr r6, 3f\n bic r6, r6, #1\n str r6, [r5, #4]\n str r4, [r5]\n"
                + " ldmia r5, {r4, pc}\n"
                + "f: push {r4-r7, lr}\n udiv r5, r4, r10\n sdiv r6, r8, r4\n add r7, r5, r6\n pop {r4-r7, pc}\n"
                + "g: stmdb sp!, {r4, lr}\n mul r4, r4, r4\n ldmia sp!, {r4, pc}\n"
                + ".ltorg\n .align 2\n3: nop\n nop\n");
    }

    /**
     * Loop-free regions (functions called from a loop) load only the entry flags they read before
     * writing them and store back only the flags they wrote: f reads the caller's C and Z, g writes
     * N and Z and then reads the caller's C, h writes none, k writes all through a compare.
     */
    @Test void loopFreeRegionsKeepTheCallersFlags() {
        check("movs r4, #30\n movs r5, #0\n movs r7, #0\n movs r8, #0\n movs r9, #0\n"
                + "1: cmp r4, #15\n bl f\n bl g\n bl h\n bl k\n it cs\n addcs r9, #1\n subs r4, #1\n bne 1b\n b 9f\n"
                + "f: it hi\n addhi r5, #1\n bx lr\n"
                + "g: movs r6, r4\n adc r7, r7, #0\n bx lr\n"
                + "h: add r8, r8, r4\n bx lr\n"
                + "k: cmp r4, #20\n ite ge\n addge r8, #3\n addlt r8, #5\n bx lr\n"
                + "9: nop\n");
    }

    @Test void faultInsideRegionIsPrecise() {
        // a loop that eventually loads from an unmapped address: the fault must leave identical state
        Asm.assumeAvailable();
        byte[] code = Asm.m4("ldr r2, =0x20000000\n ldr r3, =0x0fff0000\n movs r0, #0\n"
                + "1: adds r0, #1\n ldr r1, [r2]\n cmp r0, #30\n it ne\n movne r2, r3\n adds r2, #0\n b 1b\n");
        String d = DiffRunner.compare(code, null, new long[] {1L << 40}, 100, 2);
        assertNull(d, d);
    }

    /** A folded literal the MPU makes unreadable: the region must not be entered, the load faults as in the interpreter. */
    @Test void unreadableLiteralIsNotFolded() {
        check("ldr r0, =0xE000ED98\n movs r1, #0\n str r1, [r0]\n"          // MPU_RNR = 0
                + " ldr r1, =0x00001000\n str r1, [r0, #4]\n"                   // RBAR: the page holding lit
                + " ldr r1, =0x00000017\n str r1, [r0, #8]\n"                   // RASR: 4 KiB, enabled, AP=000 (no access)
                + " ldr r0, =0xE000ED94\n movs r1, #5\n str r1, [r0]\n dsb\n isb\n" // CTRL: ENABLE | PRIVDEFENA
                + " movs r4, #0\n1: adds r4, #1\n cmp r4, #20\n bne 2f\n ldr.w r2, lit\n2: b 1b\n"
                + ".ltorg\n.org 0x1000\nlit: .word 0x12345678\n");
    }

    /**
     * A translated function the MPU later makes execute-never: the engine's once-per-window-epoch
     * entry check must see the change, so the call faults (IACCVIOL) as in the interpreter. (A JIT
     * that still entered f would loop forever: hence the timeout.)
     */
    @Test @org.junit.jupiter.api.Timeout(60) void codeMadeExecuteNeverIsNotEntered() {
        check("movs r4, #0\n movs r5, #0\n"
                + "1: adds r4, #1\n cmp r4, #30\n bne 2f\n"
                + " ldr r0, =0xE000ED98\n movs r1, #0\n str r1, [r0]\n"          // MPU_RNR = 0
                + " ldr r1, =0x00001000\n str r1, [r0, #4]\n"                     // RBAR: the page holding f
                + " ldr r1, =0x13000017\n str r1, [r0, #8]\n"                     // RASR: 4 KiB, enabled, full access, XN
                + " ldr r0, =0xE000ED94\n movs r1, #5\n str r1, [r0]\n dsb\n isb\n" // CTRL: ENABLE | PRIVDEFENA
                + "2: bl f\n b 1b\n"
                + ".ltorg\n.org 0x1000\nf: adds r5, #1\n adds r5, #2\n bx lr\n");
        var m = DiffRunner.lastInterp;
        assertTrue(m.cpu.r[5] == 3 * 29, "f ran 29 times before the MPU change: r5=" + m.cpu.r[5]);
    }

    @Test void selfModifyingCodeInvalidatesRegions() {
        check("movs r0, #0\n movs r4, #10\n"
                + "1: adds r0, #1\n subs r4, #1\n cmp r4, #5\n bne 2f\n"
                + " ldr r1, =1b\n movs r2, #0x30\n lsls r2, r2, #8\n adds r2, #2\n strh r2, [r1]\n"
                + "2: cmp r4, #0\n bne 1b\n"
                + " movs r5, r0\n b 3f\n.ltorg\n3: nop\n");
        var m = DiffRunner.lastInterp;
        assertTrue(m.cpu.r[5] == 5 + 2 * 5, "patched loop adds 2: r5=" + m.cpu.r[5]);
    }

    @Test void evictionKeepsResults() {
        int old = DiffRunner.maxRegions;
        DiffRunner.maxRegions = 2;
        try {
            // BX between the loops ends each region, so every loop is a region of its own
            String jump = " adr.w r3, %sf\n orr.w r3, r3, #1\n bx r3\n";
            check("movs r0, #0\n movs r1, #30\n"
                    + "1: adds r0, #3\n subs r1, #1\n bne 1b\n movs r1, #30\n" + String.format(jump, 2)
                    + "2: eors r0, r1\n subs r1, #1\n bne 2b\n movs r1, #30\n" + String.format(jump, 3)
                    + "3: lsls r2, r0, #1\n adds r0, r2\n subs r1, #1\n bne 3b\n movs r1, #30\n" + String.format(jump, 4)
                    + "4: rors r0, r1\n subs r1, #1\n bne 4b\n movs r1, #30\n" + String.format(jump, 5)
                    + "5: adds r0, r0\n subs r1, #1\n bne 5b\n");
        } finally {
            DiffRunner.maxRegions = old;
        }
        assertTrue(DiffRunner.lastJit.flushes > 0, "the code cache was flushed");
    }

    /**
     * A young region runs on probe budgets: one long run of a loop leaves and re-enters the region
     * at its loop header every 128-256k cycles (so HotSpot profiles the budget exits there), with
     * the interpreter's results. Only the engine that made the translation probes: a second board
     * taking it from the shared cache, or one without a probe window, enters it once.
     */
    @Test void youngRegionsRunOnProbeBudgets() {
        Asm.assumeAvailable();
        // a loop no other test translates: the first engine below makes the translation
        byte[] code = Asm.m4("movs r0, #0\n ldr r1, =600001\n1: adds r0, r0, r1\n subs r1, #1\n bne 1b\n bkpt #0\n.ltorg\n");
        long[] oneSlice = {1L << 40};
        long old = DiffRunner.probeWindow;
        try {
            long[] windows = {1L << 26, 1L << 26, 0};
            for (int run = 0; run < windows.length; run++) {
                DiffRunner.probeWindow = windows[run];
                String d = DiffRunner.compare(code, null, oneSlice, 10, 1);
                assertNull(d, d);
                long entries = DiffRunner.lastJit.regionEntries;
                if (run == 0) assertTrue(entries >= 1_800_000 / (2 * JitEngine.PROBE_MIN), "probe budgets: entered only " + entries + " times");
                else assertTrue(entries <= 2, (run == 1 ? "shared translation" : "no probe window") + ": entered " + entries + " times");
            }
        } finally {
            DiffRunner.probeWindow = old;
        }
    }

    /**
     * The engine's tables cover code memory from its start and grow as code further in runs: code
     * near the end of the 1 MiB code memory (a loop calling back to the start) runs in regions like
     * code at the start.
     */
    @Test void codeFarIntoMemoryIsTranslated() {
        check("movs r4, #0\n movs r5, #0\n"
                + "1: bl far\n adds r4, #1\n cmp r4, #60\n bne 1b\n b.w done\n"
                + "near: adds r5, #1\n bx lr\n"
                + ".org 0xF0000\nfar: push {lr}\n movs r0, #5\n2: bl near\n subs r0, #1\n bne 2b\n pop {pc}\n"
                + "done: nop\n");
        assertTrue(DiffRunner.lastInterp.cpu.r[5] == 300, "far ran 60 times, calling near 5 times each: r5=" + DiffRunner.lastInterp.cpu.r[5]);
        // ~60 interpreted steps before the regions are hot; ~950 when the code at 0xF0000 stays uncovered
        assertTrue(DiffRunner.lastJit.interpreted < 300, "far's code was interpreted: " + DiffRunner.lastJit.interpreted + " steps");
    }

    @Test void machineHelperWorks() {
        Asm.assumeAvailable();
        TestMachine m = DiffRunner.machine(Asm.m4("movs r0, #1\n bkpt #0\n"), null);
        assertTrue(m.cpu.pc == 0);
    }
}

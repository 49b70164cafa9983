package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/**
 * Interpreter.run executes cached blocks (exec.Block); this compares it with the instruction-at-a-
 * time loop (Interpreter.step with the same boundary service) on programs that rewrite their own
 * code, in the same block and in other cached blocks, in code memory (stores take the slow path)
 * and in RAM (stores take the fast window), with faults in the middle of blocks and small budgets.
 */
class BlockModeTest {
    static final int RAM = 0x2000_0000, RAM_TOP = 0x2000_8000;

    static TestMachine machine(byte[] bin) {
        TestMachine m = new TestMachine().withSystemControl();
        m.bus.load(0, bin, 0, bin.length);
        m.cpu.exceptions.reset();
        return m;
    }

    static byte[] program(String source) {
        Asm.assumeAvailable();
        StringBuilder sb = new StringBuilder(String.format(".syntax unified\n.thumb\n.word 0x%08x\n.word reset+1\n", RAM_TOP));
        for (int i = 2; i < 16; i++) sb.append(".word ").append(i == Fault.USAGEFAULT || i == Fault.BUSFAULT ? "fault_handler" : "unexpected").append("+1\n");
        sb.append(source).append("\nunexpected:\n  bkpt #0x55\n");
        return Asm.m4(sb.toString());
    }

    /** Runs the program both ways, in slices of budget cycles, and compares the whole state after every slice. */
    static Cpu compare(String source, long budget) {
        byte[] bin = program(source);
        TestMachine a = machine(bin), b = machine(bin);
        for (int slice = 0; slice < 100_000; slice++) {
            int ra = Interpreter.run(a.cpu, budget);
            int rb = Interpreter.run(b.cpu, budget, false);
            assertEquals(rb, ra, "stop reason, slice " + slice);
            assertEquals(b.cpu.pc, a.cpu.pc, "pc, slice " + slice);
            assertEquals(b.cpu.instructions, a.cpu.instructions, "instructions, slice " + slice);
            assertEquals(b.cpu.cycles, a.cpu.cycles, "cycles, slice " + slice);
            assertEquals(b.cpu.xpsr(), a.cpu.xpsr(), "xPSR, slice " + slice);
            // R0-R14 (r[15] is only defined while an instruction executes: PC + 4)
            for (int i = 0; i < 15; i++) assertEquals(b.cpu.r[i], a.cpu.r[i], "r" + i + ", slice " + slice);
            if (ra != StopReason.BUDGET) {
                assertEquals(StopReason.BREAKPOINT, ra);
                assertEquals(0xBE01, b.bus.read(b.cpu.pc, 2), String.format("bkpt #1 at 0x%08x", b.cpu.pc));
                return b.cpu;
            }
        }
        throw new AssertionError("did not finish");
    }

    /** Each iteration stores a new encoding over the instruction right after the store, in the same block. */
    static final String PATCH_SAME_BLOCK = """
            fault_handler:
              bkpt #0x56
            reset:
              adr r2, patch
              bic r2, r2, #1
              movs r4, #0
              movw r3, #0x2001      @ movs r0, #1
              movs r5, #200
            loop:
              eor r3, r3, #3        @ alternate movs r0, #2 / movs r0, #1
              strh r3, [r2]
            patch:
              movs r0, #7
              add r4, r4, r0
              lsls r6, r4, #3
              eors r6, r6, r4
              subs r5, r5, #1
              bne loop
              bkpt #1
            """;

    @Test
    void patchInSameBlockInCodeMemory() {
        assertEquals(300, compare(PATCH_SAME_BLOCK, 1_000_000).r[4], "every patch executed");
    }

    @Test
    void patchInSameBlockInCodeMemorySmallBudgets() {
        for (int budget = 1; budget <= 9; budget++) assertEquals(300, compare(PATCH_SAME_BLOCK, budget).r[4]);
    }

    /**
     * The same loop copied to RAM and run there: stores into it take the fast write window; a
     * second patch rewrites a block that is cached but not running (the subroutine).
     */
    static final String PATCH_IN_RAM = """
            fault_handler:
              bkpt #0x56
            reset:
              adr r0, body
              bic r0, r0, #1
              ldr r1, =0x20001000
              movs r2, #0
            copy:
              ldrh r3, [r0, r2]
              strh r3, [r1, r2]
              adds r2, r2, #2
              cmp r2, #(body_end - body)
              blo copy
              ldr r1, =0x20001001
              blx r1
              bkpt #1
              .ltorg
              .align 2
            body:
              push {r4, lr}
              adr r2, patch
              bic r2, r2, #1
              adr r7, sub_patch
              bic r7, r7, #1
              movs r4, #0
              movw r3, #0x2001      @ movs r0, #1
              movs r5, #100
            loop:
              eor r3, r3, #3
              strh r3, [r2]
            patch:
              movs r0, #7
              add r4, r4, r0
              bl sub
              add r4, r4, r1
              eor r6, r3, #0x0100   @ movs r1, #n
              strh r6, [r7]         @ rewrites sub, cached since the last call
              subs r5, r5, #1
              bne loop
              mov r8, r4
              pop {r4, pc}
            sub:
              adds r4, r4, #1
            sub_patch:
              movs r1, #9
              bx lr
              .align 2
            body_end:
            """;

    @Test
    void patchesInRam() {
        assertEquals(408, compare(PATCH_IN_RAM, 1_000_000).r[8], "every patch executed");
    }

    @Test
    void patchesInRamSmallBudgets() {
        for (int budget = 1; budget <= 7; budget++) assertEquals(408, compare(PATCH_IN_RAM, budget).r[8]);
    }

    /** Faults in the middle of blocks (an unaligned LDM, a load from nowhere), taken and returned from. */
    @Test
    void faultsInTheMiddleOfBlocks() {
        Cpu cpu = compare(SKIP_FAULTS + """
                  movs r5, #50
                  ldr r2, =0x20000101
                  ldr r3, =0x30000000
                loop:
                  adds r4, r4, #3
                  ldm.w r2, {r0, r1}       @ unaligned: UsageFault
                  adds r4, r4, #5
                  ldr.w r6, [r3, #4]       @ nothing mapped: BusFault
                  adds r4, r4, r6
                  subs r5, r5, #1
                  bne loop
                  bkpt #1
                """, 1_000_000);
        assertEquals(100, cpu.r[9], "faults taken");
        assertEquals(50 * 8, cpu.r[4]);
    }

    /** IT blocks inside blocks: conditional ALU ops, stores, loads, shifts without flags, a conditional call, a fault inside one. */
    /** A fault handler that skips the faulting (32-bit) instruction and counts in r9; reset enables BusFault and UsageFault. */
    static final String SKIP_FAULTS = """
            fault_handler:
              ldr r0, [sp, #24]       @ stacked pc: skip the faulting instruction (32-bit)
              adds r0, r0, #4
              str r0, [sp, #24]
              adds r9, r9, #1
              bx lr
            reset:
              ldr r0, =0xE000ED24     @ SHCSR: enable BusFault and UsageFault
              ldr r1, =0x00060000
              str r1, [r0]
            """;

    static final String IT_BLOCKS = SKIP_FAULTS + """
              movs r5, #60
              movs r4, #0
              movs r7, #0
              ldr r2, =0x20000100
              ldr r3, =0x30000000
            loop:
              and r6, r5, #3
              cmp r6, #1
              ite eq
              addeq r4, r4, #5
              subne r4, r4, #1
              cmp r6, #2
              itte ne
              strne r4, [r2]
              ldrne r7, [r2, #0]
              addeq r7, r7, #3
              tst r5, #4
              itt ne
              lslne r4, r4, #1
              lsrne r8, r4, #2
              adds r4, r4, r7
              cmp r6, #3
              itet eq
              ldreq.w r0, [r3]        @ BusFault inside the IT block
              movne r0, #1
              addeq r4, r4, #7
              cmp r5, #30
              it eq
              bleq sub
              mul r4, r4, r5
              subs r5, r5, #1
              bne loop
              bkpt #1
            sub:
              add r4, r4, #100
              bx lr
            """;

    @Test
    void itBlocks() {
        Cpu cpu = compare(IT_BLOCKS, 1_000_000);
        assertEquals(15, cpu.r[9], "faults taken");
    }

    @Test
    void itBlocksSmallBudgets() {
        for (int budget = 1; budget <= 9; budget++) compare(IT_BLOCKS, budget);
    }
}

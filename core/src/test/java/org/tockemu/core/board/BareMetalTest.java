package org.tockemu.core.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tockemu.core.testing.ArmToolchain;
import org.tockemu.core.testing.Tools;

/**
 * The bare-metal runner's contract on small assembled programs: the exit status is the guest's
 * semihosting status exactly as qemu-system-arm returns it, and runs that do not exit end with the
 * documented codes and a report.
 */
class BareMetalTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** Vector table (SP, reset, NMI, HardFault, ...) then code; handlers default to 'fault_loop'. */
    static String program(String hardFault, String body) {
        return String.join("\n",
                ".syntax unified", ".thumb", ".text",
                ".word 0x20400000", ".word reset + 1", ".word fault_loop + 1", ".word " + hardFault + " + 1",
                ".rept 12", ".word fault_loop + 1", ".endr",
                ".thumb_func", "reset:", body,
                ".thumb_func", "fault_loop:", "  b fault_loop",
                ".align 2", "exitblk: .word 0x20026", "exitcode: .word 0", "");
    }

    Path build(String name, String source) throws Exception {
        if (ArmToolchain.gcc().isEmpty()) Tools.missing("arm-none-eabi-gcc not found");
        Path s = dir.resolve(name + ".S");
        Files.writeString(s, source);
        Path elf = dir.resolve(name + ".elf");
        ArmToolchain.compile(dir, elf, List.of("-mcpu=cortex-m4", "-mthumb", "-nostdlib", "-nostartfiles",
                "-Wl,-Ttext=0", "-Wl,--build-id=none", s.toString()));
        return elf;
    }

    BareResult run(Path elf, long max) throws Exception {
        BareOptions o = new BareOptions();
        o.console = console;
        o.maxInstructions = max;
        o.warnings = null;
        return BareMetal.run(elf, o);
    }

    @Test
    void applicationExitIsZero() throws Exception {
        BareResult r = run(build("exit0", program("fault_loop",
                "  movs r0, #0x18\n  ldr r1, =0x20026\n  bkpt 0xab\n  .ltorg")), 1000);
        assertNull(r.failure());
        assertEquals(0, r.exitCode());
        assertEquals(3, r.instructions(), "movs, ldr, bkpt, then stop");
        assertTrue(r.cycles() >= r.instructions());
        assertEquals(r.cycles() / 25e6, r.virtualSeconds(), 1e-12);
    }

    @Test
    void otherExitReasonsAreOne() throws Exception {
        BareResult r = run(build("exit1", program("fault_loop",
                "  movs r0, #0x18\n  ldr r1, =0x20024\n  bkpt 0xab\n  .ltorg")), 1000);
        assertNull(r.failure());
        assertEquals(1, r.exitCode());
    }

    @Test
    void extendedExitCarriesTheStatusModulo256() throws Exception {
        String body = "  ldr r2, =300\n  adr r1, exitblk\n  str r2, [r1, #4]\n  movs r0, #0x20\n  bkpt 0xab\n  .ltorg";
        // exitblk lives in SSRAM1, which is RAM on this board: the store works
        BareResult r = run(build("exit300", program("fault_loop", body)), 1000);
        assertNull(r.failure());
        assertEquals(300 & 0xFF, r.exitCode());
    }

    @Test
    void uartAndSemihostingShareTheConsoleInOrder() throws Exception {
        String body = String.join("\n",
                "  ldr r4, =0x40004000",
                "  movs r0, #1", "  str r0, [r4, #8]",        // CTRL.TX_EN
                "  movs r0, #'U'", "  str r0, [r4]",
                "  movs r0, #4", "  adr r1, msg", "  bkpt 0xab", // SYS_WRITE0
                "  movs r0, #'V'", "  str r0, [r4]",
                "  movs r0, #0x18", "  ldr r1, =0x20026", "  bkpt 0xab",
                "  .align 2", "msg: .asciz \"-semi-\"", "  .align 2", "  .ltorg");
        BareResult r = run(build("console", program("fault_loop", body)), 1000);
        assertEquals(0, r.exitCode());
        assertEquals("U-semi-V", console.toString());
    }

    @Test
    void instructionLimit() throws Exception {
        BareResult r = run(build("spin", program("fault_loop", "  b reset")), 5000);
        assertEquals(BareResult.EXIT_INSTRUCTION_LIMIT, r.exitCode());
        assertEquals(5000, r.instructions());
        assertNotNull(r.failure());
        assertTrue(r.failure().contains("instruction limit"), r.failure());
    }

    @Test
    void wfiWithNothingToWakeIsADeadlock() throws Exception {
        BareResult r = run(build("wfi", program("fault_loop", "  wfi\n  b reset")), 1000);
        assertEquals(BareResult.EXIT_DEADLOCK, r.exitCode());
        assertTrue(r.failure().startsWith("deadlock: WFI with no interrupt source"), r.failure());
    }

    @Test
    void faultInsideHardFaultLocksUp() throws Exception {
        BareResult r = run(build("lockup", program("hf", "  udf #0\n.thumb_func\nhf:\n  udf #1")), 1000);
        assertEquals(BareResult.EXIT_LOCKUP, r.exitCode());
        assertNotNull(r.failure());
        assertTrue(r.failure().toLowerCase().contains("lockup"), r.failure());
    }

    @Test
    void stdinReachesSemihostingReads() throws Exception {
        String body = String.join("\n",
                "  movs r0, #7", "  bkpt 0xab",                  // SYS_READC
                "  adr r1, exitblk", "  str r0, [r1, #4]",
                "  movs r0, #0x20", "  bkpt 0xab");
        Path elf = build("readc", program("fault_loop", body));
        BareOptions o = new BareOptions();
        o.console = console;
        o.stdin = new ByteArrayInputStream(new byte[] {42});
        o.maxInstructions = 1000;
        BareResult r = BareMetal.run(elf, o);
        assertEquals(42, r.exitCode());
    }

    @Test
    void cmdlineDefaultsToTheElfPath() throws Exception {
        String body = String.join("\n",
                "  ldr r1, =0x20000000", "  ldr r2, =0x20000100", "  str r2, [r1]", "  movs r2, #200", "  str r2, [r1, #4]",
                "  movs r0, #0x15", "  bkpt 0xab",               // SYS_GET_CMDLINE
                "  ldr r1, =0x20000000", "  ldr r2, [r1, #4]",   // length
                "  adr r1, exitblk", "  str r2, [r1, #4]",
                "  movs r0, #0x20", "  bkpt 0xab", "  .ltorg");
        Path elf = build("cmd", program("fault_loop", body));
        BareResult r = run(elf, 1000);
        assertEquals(elf.toString().length() & 0xFF, r.exitCode());
        BareOptions o = new BareOptions();
        o.console = console;
        o.cmdline = "x y";
        o.maxInstructions = 1000;
        assertEquals(3, BareMetal.run(elf, o).exitCode());
    }

    @Test
    void uartReceiveInterruptWakesWfi() throws Exception {
        String src = String.join("\n",
                ".syntax unified", ".thumb", ".text",
                ".word 0x20400000", ".word reset + 1", ".rept 14", ".word hang + 1", ".endr",
                ".word uart0_rx + 1",                        // IRQ 0: UART0 RX
                ".thumb_func", "reset:",
                "  ldr r4, =0x40004000",
                "  movs r0, #0x0a", "  str r0, [r4, #8]",   // CTRL: RX_EN | RX_INTEN
                "  ldr r1, =0xe000e100", "  movs r0, #1", "  str r0, [r1]", // NVIC ISER0: IRQ 0
                "loop:", "  wfi", "  b loop",
                ".thumb_func", "uart0_rx:",
                "  ldr r0, [r4]",                            // DATA
                "  adr r1, blk", "  str r0, [r1, #4]",
                "  movs r0, #0x20", "  bkpt 0xab",
                ".thumb_func", "hang:", "  b hang",
                ".align 2", "blk: .word 0x20026, 0", ".ltorg", "");
        Path elf = build("uartrx", src);
        BareOptions o = new BareOptions();
        o.console = console;
        o.stdin = new ByteArrayInputStream(new byte[] {'A'});
        o.maxInstructions = 10_000;
        BareResult r = BareMetal.run(elf, o);
        assertNull(r.failure());
        assertEquals('A', r.exitCode());
        // without input the same program is a deadlock
        o.stdin = new ByteArrayInputStream(new byte[0]);
        BareResult d = BareMetal.run(elf, o);
        assertEquals(BareResult.EXIT_DEADLOCK, d.exitCode());
    }

    /** AIRCR.SYSRESETREQ resets the machine and reloads the image; RAM outside it survives (QEMU: exit 3). */
    @Test
    void systemResetRequestRestartsTheProgram() throws Exception {
        String body = String.join("\n",
                "  ldr r1, =0x20000000", "  ldr r0, [r1]", "  adds r0, #1", "  str r0, [r1]",
                "  cmp r0, #3", "  bge done",
                "  ldr r2, =0xe000ed0c", "  ldr r3, =0x05fa0004", "  str r3, [r2]", "  dsb",
                "1: b 1b",
                "done:", "  adr r1, exitblk", "  str r0, [r1, #4]", "  movs r0, #0x20", "  bkpt 0xab", "  .ltorg");
        BareResult r = run(build("sysreset", program("fault_loop", body)), 10_000);
        assertNull(r.failure());
        assertEquals(3, r.exitCode());
    }

    /** CMSDK timer0 (RELOAD 1000, IRQ 8) wakes WFI five times; the period is RELOAD+1 cycles (QEMU: exit 5). */
    @Test
    void cmsdkTimerInterruptsWakeWfi() throws Exception {
        String src = String.join("\n",
                ".syntax unified",
                ".thumb",
                ".text",
                ".word 0x20400000",
                ".word reset + 1",
                ".rept 14",
                ".word hang + 1",
                ".endr",
                ".rept 8",
                ".word hang + 1",
                ".endr",
                ".word timer0 + 1",
                ".thumb_func",
                "reset:",
                "  movs r5, #0",
                "  ldr r4, =0x40000000",
                "  ldr r0, =1000",
                "  str r0, [r4, #8]",
                "  movs r0, #9",
                "  str r0, [r4]",
                "  ldr r1, =0xe000e100",
                "  movs r0, #1",
                "  lsls r0, r0, #8",
                "  str r0, [r1]",
                "loop:",
                "  wfi",
                "  cmp r5, #5",
                "  blt loop",
                "  ldr r0, [r4, #4]",
                "  ldr r1, =1001",
                "  cmp r0, r1",
                "  bhs bad",
                "  adr r1, blk",
                "  str r5, [r1, #4]",
                "  movs r0, #0x20",
                "  bkpt 0xab",
                "bad:",
                "  adr r1, blk",
                "  movs r0, #99",
                "  str r0, [r1, #4]",
                "  movs r0, #0x20",
                "  bkpt 0xab",
                ".thumb_func",
                "timer0:",
                "  movs r0, #1",
                "  str r0, [r4, #12]",
                "  adds r5, #1",
                "  bx lr",
                ".thumb_func",
                "hang: b hang",
                ".align 2",
                "blk: .word 0x20026, 0",
                ".ltorg", "");
        BareResult r = run(build("timer", src), 100_000);
        assertNull(r.failure());
        assertEquals(5, r.exitCode());
        assertTrue(r.cycles() >= 5 * 1001 && r.cycles() < 5 * 1001 + 200, "cycles " + r.cycles());
    }
}

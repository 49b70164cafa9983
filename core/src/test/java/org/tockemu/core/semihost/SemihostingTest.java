package org.tockemu.core.semihost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.exec.Interpreter;
import org.tockemu.core.mem.LittleEndian;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

class SemihostingTest {
    static final int BLOCK = TestMachine.RAM + 0x1000, BUF = TestMachine.RAM + 0x2000, STR = TestMachine.RAM + 0x3000;

    TestMachine m;
    Cpu cpu;
    ByteArrayOutputStream out, err;
    SemihostingConfig cfg;
    Semihosting sh;

    @BeforeEach
    void setUp() {
        m = new TestMachine();
        cpu = m.cpu;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        cfg = new SemihostingConfig();
        cfg.stdout = out;
        cfg.stderr = err;
        cfg.cmdline = "prog a b";
        cfg.heapInfo = new int[] {0x21000000, 0x22000000, 0x22000000, 0x21000000};
        sh = new Semihosting(cfg);
    }

    int call(int op, int... words) {
        for (int i = 0; i < words.length; i++) m.bus.write(BLOCK + 4 * i, 4, words[i]);
        cpu.r[0] = op;
        cpu.r[1] = BLOCK;
        sh.call(cpu);
        return cpu.r[0];
    }

    int callRaw(int op, int r1) {
        cpu.r[0] = op;
        cpu.r[1] = r1;
        sh.call(cpu);
        return cpu.r[0];
    }

    void putString(int addr, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i++) m.bus.write(addr + i, 1, b[i]);
        m.bus.write(addr + b.length, 1, 0);
    }

    int open(String name, int mode) {
        putString(STR, name);
        return call(Semihosting.SYS_OPEN, STR, mode, name.length());
    }

    int word(int addr) { return m.bus.read(addr, 4); }

    @Test
    void writecAndWrite0GoToTheErrorConsoleAndReturnNoResult() {
        putString(STR, "hello\n");
        assertEquals(0xdeadbeef, callRaw(Semihosting.SYS_WRITE0, STR));
        m.bus.write(BUF, 1, 'x');
        assertEquals(0xdeadbeef, callRaw(Semihosting.SYS_WRITEC, BUF));
        assertEquals("hello\nx", err.toString(StandardCharsets.ISO_8859_1));
        assertEquals("", out.toString());
    }

    @Test
    void oneStreamWhenNoSeparateErrorConsole() {
        cfg.stderr = null;
        sh = new Semihosting(cfg);
        putString(STR + 0x100, "a");
        callRaw(Semihosting.SYS_WRITE0, STR + 0x100);
        int h = open(":tt", 4);
        putString(BUF, "b");
        call(Semihosting.SYS_WRITE, h, BUF, 1);
        callRaw(Semihosting.SYS_WRITE0, STR + 0x100);
        assertEquals("aba", out.toString());
    }

    @Test
    void ttyHandlesFollowQemuNumberingAndModes() {
        assertEquals(1, open(":tt", 0));  // r  -> stdin
        assertEquals(2, open(":tt", 4));  // w  -> stdout
        assertEquals(3, open(":tt", 8));  // a  -> stderr
        putString(BUF, "out");
        assertEquals(0, call(Semihosting.SYS_WRITE, 2, BUF, 3));
        putString(BUF, "err");
        assertEquals(0, call(Semihosting.SYS_WRITE, 3, BUF, 3));
        assertEquals("out", out.toString());
        assertEquals("err", err.toString());
        // not a tty (QEMU with captured output), errno ENOTTY
        assertEquals(0, call(Semihosting.SYS_ISTTY, 2));
        assertEquals(Semihosting.ENOTTY, call(Semihosting.SYS_ERRNO));
        assertEquals(0, call(Semihosting.SYS_FLEN, 2));
        assertEquals(-1, call(Semihosting.SYS_SEEK, 2, 5));
        assertEquals(Semihosting.ESPIPE, call(Semihosting.SYS_ERRNO));
        assertEquals(0, call(Semihosting.SYS_CLOSE, 2));
        assertEquals(2, open(":tt", 5)); // lowest free handle is reused
    }

    @Test
    void badHandlesAndModes() {
        assertEquals(-1, call(Semihosting.SYS_CLOSE, 77));
        assertEquals(Semihosting.EBADF, call(Semihosting.SYS_ERRNO));
        assertEquals(-1, call(Semihosting.SYS_ISTTY, 77));
        assertEquals(3, call(Semihosting.SYS_WRITE, 77, BUF, 3)); // nothing written
        assertEquals(Semihosting.EBADF, call(Semihosting.SYS_ERRNO));
        assertEquals(4, call(Semihosting.SYS_READ, 0, BUF, 4));
        assertEquals(-1, open(":tt", 12));
        assertEquals(Semihosting.EINVAL, call(Semihosting.SYS_ERRNO));
    }

    @Test
    void isError() {
        assertEquals(1, call(Semihosting.SYS_ISERROR, -1));
        assertEquals(1, call(Semihosting.SYS_ISERROR, 0x80000000));
        assertEquals(0, call(Semihosting.SYS_ISERROR, 5));
        assertEquals(0, call(Semihosting.SYS_ISERROR, 0));
    }

    @Test
    void consoleReadAndReadc() {
        cfg.stdin = new ByteArrayInputStream("hi!".getBytes(StandardCharsets.ISO_8859_1));
        sh = new Semihosting(cfg);
        assertEquals('h', callRaw(Semihosting.SYS_READC, 0));
        int h = open(":tt", 0);
        assertEquals(8, call(Semihosting.SYS_READ, h, BUF, 10)); // 2 read, 8 not read
        assertEquals('i', m.bus.read(BUF, 1));
        assertEquals('!', m.bus.read(BUF + 1, 1));
        assertEquals(10, call(Semihosting.SYS_READ, h, BUF, 10)); // end of input
        assertEquals(-1, callRaw(Semihosting.SYS_READC, 0));
    }

    @Test
    void featuresFile() {
        int h = open(":semihosting-features", 0);
        assertTrue(h > 0);
        assertEquals(5, call(Semihosting.SYS_FLEN, h));
        assertEquals(11, call(Semihosting.SYS_READ, h, BUF, 16));
        assertEquals(0x42464853, word(BUF));
        assertEquals(3, m.bus.read(BUF + 4, 1));
        assertEquals(16, call(Semihosting.SYS_READ, h, BUF, 16));
        assertEquals(0, call(Semihosting.SYS_SEEK, h, 4));
        assertEquals(15, call(Semihosting.SYS_READ, h, BUF, 16));
        assertEquals(-1, open(":semihosting-features", 4));
        assertEquals(Semihosting.EACCES, call(Semihosting.SYS_ERRNO));
    }

    @Test
    void hostFilesNeedASandbox() {
        assertEquals(-1, open("data.txt", 0));
        assertEquals(Semihosting.EACCES, call(Semihosting.SYS_ERRNO));
        assertEquals(-1, open("/etc/passwd", 0));
    }

    @Test
    void hostFilesInsideTheSandbox(@TempDir Path dir) throws Exception {
        cfg.root = dir;
        sh = new Semihosting(cfg);
        int h = open("f.txt", 4); // "w": create
        assertTrue(h > 0);
        putString(BUF, "0123456789");
        assertEquals(0, call(Semihosting.SYS_WRITE, h, BUF, 10));
        assertEquals(10, call(Semihosting.SYS_FLEN, h));
        assertEquals(0, call(Semihosting.SYS_CLOSE, h));
        assertEquals("0123456789", Files.readString(dir.resolve("f.txt")));

        h = open("f.txt", 0);
        assertEquals(0, call(Semihosting.SYS_SEEK, h, 6));
        assertEquals(6, call(Semihosting.SYS_READ, h, BUF, 10));
        assertEquals(0x39383736, word(BUF));
        assertEquals(0, call(Semihosting.SYS_ISTTY, h));
        assertEquals(3, call(Semihosting.SYS_WRITE, h, BUF, 3)); // read-only handle
        call(Semihosting.SYS_CLOSE, h);

        h = open("f.txt", 8); // "a": append
        putString(BUF, "ab");
        assertEquals(0, call(Semihosting.SYS_WRITE, h, BUF, 2));
        call(Semihosting.SYS_CLOSE, h);
        assertEquals("0123456789ab", Files.readString(dir.resolve("f.txt")));

        assertEquals(-1, open("missing.txt", 0));
        assertEquals(Semihosting.ENOENT, call(Semihosting.SYS_ERRNO));
        assertEquals(-1, open("../escape.txt", 4));
        assertEquals(Semihosting.EACCES, call(Semihosting.SYS_ERRNO));
        assertFalse(Files.exists(dir.resolveSibling("escape.txt")));
        assertEquals(-1, open(dir.resolve("f.txt").toString(), 0)); // absolute names are refused
        putString(STR, "f.txt");
        assertEquals(-1, call(Semihosting.SYS_REMOVE, STR, 5));
        assertTrue(Files.exists(dir.resolve("f.txt")));
    }

    @Test
    void virtualTime() {
        cpu.cycles = 3 * 25_000_000L + 12_500_000L; // 3.5 s
        assertEquals(350, callRaw(Semihosting.SYS_CLOCK, 0));
        assertEquals((int) (cfg.epochSeconds + 3), callRaw(Semihosting.SYS_TIME, 0));
        assertEquals(25_000_000, callRaw(Semihosting.SYS_TICKFREQ, 0));
        cpu.cycles = 0x1_2345_6789L;
        assertEquals(0, callRaw(Semihosting.SYS_ELAPSED, BUF));
        assertEquals(0x23456789, word(BUF));
        assertEquals(1, word(BUF + 4));
    }

    @Test
    void cmdline() {
        assertEquals(0, call(Semihosting.SYS_GET_CMDLINE, BUF, 64));
        assertEquals(8, word(BLOCK + 4));
        byte[] b = new byte[9];
        for (int i = 0; i < 9; i++) b[i] = (byte) m.bus.read(BUF + i, 1);
        assertArrayEquals("prog a b\0".getBytes(StandardCharsets.ISO_8859_1), b);
        assertEquals(-1, call(Semihosting.SYS_GET_CMDLINE, BUF, 8)); // no room for the NUL
        assertEquals(Semihosting.E2BIG, call(Semihosting.SYS_ERRNO));
    }

    @Test
    void heapInfo() {
        assertEquals(0, call(Semihosting.SYS_HEAPINFO, BUF));
        assertEquals(0x21000000, word(BUF));
        assertEquals(0x22000000, word(BUF + 4));
        assertEquals(0x22000000, word(BUF + 8));
        assertEquals(0x21000000, word(BUF + 12));
    }

    @Test
    void unmappedParameterBlockIsEfault() {
        assertEquals(-1, callRaw(Semihosting.SYS_OPEN, 0x30000000));
        assertEquals(Semihosting.EFAULT, call(Semihosting.SYS_ERRNO));
        assertEquals(-1, call(Semihosting.SYS_HEAPINFO, 0x30000000));
        assertEquals(Semihosting.EFAULT, call(Semihosting.SYS_ERRNO));
        int h = open(":tt", 4);
        assertEquals(4, call(Semihosting.SYS_WRITE, h, 0x30000000, 4));
        assertEquals(Semihosting.EFAULT, call(Semihosting.SYS_ERRNO));
        assertEquals(0x80000000, call(Semihosting.SYS_WRITE, h, BUF, 0x80000000));
        assertEquals(Semihosting.EFAULT, call(Semihosting.SYS_ERRNO));
        assertEquals("", out.toString());
    }

    @Test
    void exitWithApplicationExitIsZeroAnythingElseOne() {
        callRaw(Semihosting.SYS_EXIT, Semihosting.ADP_STOPPED_APPLICATION_EXIT);
        assertTrue(sh.exited());
        assertEquals(0, sh.exitStatus());
        assertEquals(StopReason.HALT, cpu.stopRequest);
        setUp();
        callRaw(Semihosting.SYS_EXIT, 0x20024);
        assertEquals(1, sh.exitStatus());
    }

    @Test
    void exitExtendedCarriesTheCode() {
        call(Semihosting.SYS_EXIT_EXTENDED, Semihosting.ADP_STOPPED_APPLICATION_EXIT, 42);
        assertTrue(sh.exited());
        assertEquals(42, sh.exitStatus());
        setUp();
        call(Semihosting.SYS_EXIT_EXTENDED, 0x20024, 42);
        assertEquals(1, sh.exitStatus());
    }

    @Test
    void unsupportedOperationStopsWithAFailure() {
        callRaw(0x12345, 0);
        assertTrue(sh.exited());
        assertNotNull(sh.failure());
        assertTrue(sh.failure().contains("0x12345"), sh.failure());
    }

    /** A tiny assembled program making raw BKPT 0xAB calls (stepped here without an exception unit). */
    @Test
    void assembledProgram() {
        Asm.assumeAvailable();
        m.asm(String.join("\n",
                "  movs r0, #4",            // SYS_WRITE0
                "  adr r1, msg",
                "  bkpt 0xab",
                "  mov r4, r0",
                "  movs r0, #0x31",         // SYS_TICKFREQ
                "  bkpt 0xab",
                "  mov r5, r0",
                "  movs r0, #0x20",         // SYS_EXIT_EXTENDED
                "  adr r1, blk",
                "  bkpt 0xab",
                "  b .",
                "  .align 2",
                "blk: .word 0x20026, 7",
                "msg: .asciz \"hi from asm\\n\"",
                "  .align 2"));
        for (int i = 0; i < 100 && !sh.exited(); i++) {
            if (LittleEndian.get16(m.code.data, cpu.pc) == 0xBEAB) {
                sh.call(cpu);
                cpu.pc += 2;
            } else {
                Interpreter.step(cpu);
            }
        }
        assertTrue(sh.exited());
        assertEquals(7, sh.exitStatus());
        assertEquals("hi from asm\n", err.toString());
        assertEquals(0xdeadbeef, cpu.r[4]);
        assertEquals(25_000_000, cpu.r[5]);
    }
}

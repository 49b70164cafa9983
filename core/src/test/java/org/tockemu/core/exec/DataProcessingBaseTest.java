package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/**
 * Table-driven instruction tests: each case is a snippet (one or more instructions separated by
 * ';'), initial registers and flags, and the expected registers and flags afterwards; registers
 * not mentioned must keep their (distinctive) initial values. All cases of a test method are
 * assembled by one assembler run, split at separators, and each runs from address 0.
 */
abstract class DataProcessingBaseTest {
    static final int SEP = 0xDEFE, PAD = 0xDEDE;
    static final int SP0 = TestMachine.RAM + TestMachine.RAM_SIZE;

    final List<Case> cases = new ArrayList<>();

    @BeforeEach
    void requireAssembler() {
        Asm.assumeAvailable();
    }

    static final class Case {
        final String asm;
        final int[] regs = new int[16];
        String flagsIn = "nzcv";
        final int[] expect = new int[16];
        int expectMask;
        String flagsOut;
        boolean undefined;
        Integer nextPc;
        String name;
        int itState = -1;

        Case(String asm) {
            this.asm = asm;
            for (int i = 0; i < 13; i++) regs[i] = 0xCAFE0000 | i;
            regs[13] = SP0;
            regs[14] = 0xCAFE000E;
        }

        /** Initial register value. */
        Case r(int reg, int value) { regs[reg] = value; return this; }

        /** Initial flags, e.g. "nZCv" (upper case set). */
        Case in(String nzcv) { flagsIn = nzcv; return this; }

        /** Expected register value afterwards. */
        Case is(int reg, int value) { expect[reg] = value; expectMask |= 1 << reg; return this; }

        /** Expected flags afterwards (default: unchanged). */
        Case flags(String nzcv) { flagsOut = nzcv; return this; }

        /** Expected to raise UNDEFINSTR (no state changed). */
        Case undef() { undefined = true; return this; }

        /** Expected PC after the last instruction (for branches). */
        Case pc(int value) { nextPc = value; return this; }

        /** Expected decoder entry name of the first instruction. */
        Case named(String n) { name = n; return this; }

        /** Runs the (single) instruction with this ITSTATE, as if inside an IT block. */
        Case it(int state) { itState = state; return this; }
    }

    Case t(String asm) {
        Case c = new Case(asm);
        cases.add(c);
        return c;
    }

    static int flagBits(String s) {
        int v = 0;
        for (int i = 0; i < 4; i++) if (Character.isUpperCase(s.charAt(i))) v |= 8 >> i;
        return v;
    }

    static String flagString(Cpu cpu) {
        return (cpu.n ? "N" : "n") + (cpu.z ? "Z" : "z") + (cpu.c ? "C" : "c") + (cpu.v ? "V" : "v");
    }

    /** Assembles and runs all cases, reporting every failure at once. */
    void check() {
        StringBuilder src = new StringBuilder();
        for (Case c : cases) {
            for (String line : c.asm.split(";")) src.append(line.trim()).append('\n');
            src.append(".hword 0x").append(Integer.toHexString(SEP)).append("\n.balign 4, 0xde\n");
        }
        byte[] code = Asm.m4(src.toString());
        List<byte[]> chunks = split(code);
        if (chunks.size() != cases.size()) fail("split into " + chunks.size() + " chunks for " + cases.size() + " cases");
        TestMachine m = new TestMachine();
        Cpu cpu = m.cpu;
        StringBuilder failures = new StringBuilder();
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            byte[] chunk = chunks.get(k);
            String err = runCase(m, cpu, c, chunk);
            if (err != null) failures.append(c.asm).append(" [").append(hex(chunk)).append("]: ").append(err).append('\n');
        }
        cases.clear();
        if (failures.length() > 0) fail("\n" + failures);
    }

    private static String runCase(TestMachine m, Cpu cpu, Case c, byte[] chunk) {
        m.load(chunk);
        for (int i = 0; i < 16; i++) cpu.r[i] = c.regs[i];
        cpu.setMsp(c.regs[13]);
        int f = flagBits(c.flagsIn);
        cpu.n = (f & 8) != 0; cpu.z = (f & 4) != 0; cpu.c = (f & 2) != 0; cpu.v = (f & 1) != 0;
        cpu.q = true; // Q and GE are never touched by data processing
        cpu.ge = 0xA;
        cpu.itState = c.itState < 0 ? 0 : c.itState;
        cpu.pc = 0;
        int steps = countInstructions(chunk);
        if (c.name != null) {
            Insn in = Decoder.decode(half(chunk, 0), chunk.length >= 4 ? half(chunk, 2) : 0);
            if (!c.name.equals(in.name)) return "decoded as " + in.name + ", expected " + c.name;
        }
        try {
            for (int i = 0; i < steps; i++) Interpreter.step(cpu);
        } catch (GuestFault gf) {
            if (!c.undefined) return "unexpected fault, status 0x" + Integer.toHexString(cpu.faultStatus);
            if (cpu.faultStatus != Fault.UNDEFINSTR) return "fault status 0x" + Integer.toHexString(cpu.faultStatus);
            for (int i = 0; i < 15; i++) if (cpu.r[i] != c.regs[i]) return "r" + i + " changed by an undefined instruction";
            if (!flagString(cpu).equals(c.flagsIn)) return "flags changed by an undefined instruction";
            return null;
        }
        if (c.undefined) return "expected UNDEFINSTR, executed";
        StringBuilder err = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            int want = (c.expectMask & (1 << i)) != 0 ? c.expect[i] : c.regs[i];
            if (cpu.r[i] != want) {
                err.append(String.format("r%d=0x%08x want 0x%08x; ", i, cpu.r[i], want));
            }
        }
        String flags = c.flagsOut != null ? c.flagsOut : c.flagsIn;
        if (!cpu.q || cpu.ge != 0xA) err.append("Q/GE changed; ");
        if (!flagString(cpu).equals(flags)) err.append("flags ").append(flagString(cpu)).append(" want ").append(flags).append("; ");
        int wantPc = c.nextPc != null ? c.nextPc : chunk.length;
        if (cpu.pc != wantPc) err.append(String.format("pc=0x%x want 0x%x; ", cpu.pc, wantPc));
        return err.length() == 0 ? null : err.toString();
    }

    static int half(byte[] b, int off) { return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8; }

    static int countInstructions(byte[] chunk) {
        int n = 0;
        for (int off = 0; off < chunk.length; off += Decoder.is32(half(chunk, off)) ? 4 : 2) n++;
        return n;
    }

    /** Splits at SEP halfwords on instruction boundaries, skipping the PAD after each. */
    static List<byte[]> split(byte[] code) {
        List<byte[]> out = new ArrayList<>();
        int start = 0, off = 0;
        while (off + 1 < code.length) {
            int hw = half(code, off);
            if (hw == SEP) {
                byte[] chunk = new byte[off - start];
                System.arraycopy(code, start, chunk, 0, chunk.length);
                out.add(chunk);
                off += 2;
                while (off + 1 < code.length && half(code, off) == PAD) off += 2;
                start = off;
                continue;
            }
            off += Decoder.is32(hw) ? 4 : 2;
        }
        assertTrue(start >= code.length - 1, "trailing bytes after the last separator");
        return out;
    }

    static String hex(byte[] chunk) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off + 1 < chunk.length; ) {
            int hw = half(chunk, off);
            if (sb.length() > 0) sb.append(' ');
            if (Decoder.is32(hw) && off + 3 < chunk.length) {
                sb.append(String.format("%04x %04x", hw, half(chunk, off + 2)));
                off += 4;
            } else {
                sb.append(String.format("%04x", hw));
                off += 2;
            }
        }
        return sb.toString();
    }
}

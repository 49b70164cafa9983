package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.mem.LittleEndian;
import org.tockemu.core.mem.Region;

/**
 * The reference execution engine: fetch from the decoded-instruction cache, execute, count.
 * Between instructions it checks one flag ({@link Cpu#attention}) and one cycle limit; everything
 * else (exceptions, timers, sleep, stop requests) is handled by {@link ExceptionUnit#service}.
 */
public final class Interpreter {
    private Interpreter() {}

    /**
     * Runs until budgetCycles have elapsed or something stops the core; returns a {@link StopReason}.
     */
    public static int run(Cpu cpu, long budgetCycles) {
        long end = budgetCycles >= Long.MAX_VALUE - cpu.cycles ? Long.MAX_VALUE : cpu.cycles + budgetCycles;
        ExceptionUnit exc = cpu.exceptions;
        for (;;) {
            try {
                long limit = Math.min(end, exc.nextEventCycle());
                for (;;) {
                    if (cpu.attention || cpu.cycles >= limit) {
                        int reason = serviceBoundary(cpu, exc, end);
                        if (reason != 0) return reason;
                        limit = Math.min(end, exc.nextEventCycle());
                        continue;
                    }
                    step(cpu);
                }
            } catch (GuestFault f) {
                exc.takeFault();
            }
        }
    }

    /** Work at an instruction boundary; returns a StopReason or 0 to go on. */
    static int serviceBoundary(Cpu cpu, ExceptionUnit exc, long end) {
        cpu.attention = false;
        if (cpu.stopRequest != 0) {
            int reason = cpu.stopRequest;
            cpu.stopRequest = 0;
            return reason;
        }
        if (!cpu.thumb) throw cpu.usageFault(Fault.INVSTATE);
        int reason = exc.service(end);
        if (reason != 0) return reason;
        if (cpu.stopRequest != 0) {
            reason = cpu.stopRequest;
            cpu.stopRequest = 0;
            cpu.attention = false;
            return reason;
        }
        return cpu.cycles >= end ? StopReason.BUDGET : 0;
    }

    /** Executes one instruction at cpu.pc. */
    public static void step(Cpu cpu) {
        int pc = cpu.pc;
        Insn in = fetch(cpu, pc);
        cpu.r[15] = pc + 4;
        cpu.nextPc = pc + in.size;
        int it = cpu.itState;
        if (it == 0) {
            execute(cpu, in);
        } else {
            if (cpu.conditionPassed(it >>> 4)) execute(cpu, in);
            cpu.itState = (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F);
        }
        cpu.pc = cpu.nextPc;
        cpu.instructions++;
        cpu.cycles += in.cycles;
    }

    public static void execute(Cpu cpu, Insn in) {
        switch (in.group) {
            case Group.DATA: DataProcessing.execute(cpu, in); break;
            case Group.MEMORY: LoadStore.execute(cpu, in); break;
            case Group.BRANCH: BranchSystem.execute(cpu, in); break;
            case Group.MULDSP: MultiplyDsp.execute(cpu, in); break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
    }

    /** The decoded instruction at pc, from the per-region cache (validated against the current bytes). */
    public static Insn fetch(Cpu cpu, int pc) {
        int off = pc - cpu.xStart;
        if (Integer.compareUnsigned(off, cpu.xLen) < 0 && off <= cpu.xLen - 4) {
            byte[] mem = cpu.xMem;
            int idx = pc - cpu.xBase;
            int hw1 = LittleEndian.get16(mem, idx);
            Insn[] cache = cpu.xCache;
            Insn in = cache[idx >>> 1];
            if (in != null && in.hw1 == hw1 && (in.size == 2 || in.hw2 == LittleEndian.get16(mem, idx + 2))) return in;
            in = Decoder.decode(hw1, Decoder.is32(hw1) ? LittleEndian.get16(mem, idx + 2) : 0);
            cache[idx >>> 1] = in;
            return in;
        }
        return slowFetch(cpu, pc);
    }

    private static Insn slowFetch(Cpu cpu, int pc) {
        int hw1 = cpu.fetch16Slow(pc);
        int hw2 = Decoder.is32(hw1) ? cpu.fetch16Slow(pc + 2) : 0;
        Region reg = cpu.bus.find(pc);
        Insn[] cache = cpu.decodeCacheFor(reg);
        int slot = (pc - reg.base) >>> 1;
        Insn in = cache[slot];
        if (in != null && in.hw1 == hw1 && (in.size == 2 || in.hw2 == hw2)) return in;
        in = Decoder.decode(hw1, hw2);
        cache[slot] = in;
        return in;
    }
}

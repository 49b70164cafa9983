package org.tockemu.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tockemu.boards.BoardConfig;

/** Schedulers, preemption on virtual time, and sleeping through idle time. */
class SchedulingTest {
    private static AppRunner runner(String scheduler, String... apps) throws IOException {
        return new AppRunner("interp", "stop", "cortex-m4", apps) {
            { board.kernel.setScheduler(org.tockemu.kernel.sched.Scheduler.byName(scheduler)); }
        };
    }

    @Test
    void roundRobinPreemptsAProcessThatNeverYields() throws IOException {
        AppRunner r = runner("round-robin", "spin", "ping").run(2);
        assertTrue(r.output().contains("ping done"), r.output());
        assertTrue(r.process("spin").timesliceExpirations > 50, "spin ran in 10 ms slices");
        assertEquals(ProcessState.RUNNING, r.process("spin").state());
    }

    @Test
    void cooperativeSchedulingLetsASpinnerStarveTheOthers() throws IOException {
        AppRunner r = runner("cooperative", "spin", "ping").run(2);
        assertTrue(r.output().contains("[spin] spinning"), r.output());
        assertFalse(r.output().contains("ping 1"), "ping must not get the CPU after spin starts:\n" + r.output());
    }

    @Test
    void priorityRunsTheFirstLoadedReadyProcess() throws IOException {
        AppRunner r = runner("priority", "ping", "spin").run(2);
        // ping has the higher priority: every one of its alarms preempts spin
        assertTrue(r.output().contains("ping done"), r.output());
        AppRunner starved = runner("priority", "spin", "ping").run(2);
        assertFalse(starved.output().contains("ping 1"), starved.output());
    }

    @Test
    void idleTimeIsSleptThroughOnTheVirtualClock() throws IOException {
        AppRunner r = new AppRunner("interp", "stop", "cortex-m4", "sensor").run(3600); // one virtual hour
        Kernel k = r.board.kernel;
        assertEquals(k.cyclesForMicros(3_600_000_000L), r.board.cpu.cycles);
        assertTrue(k.stats.sleepCycles > 0.999 * r.board.cpu.cycles, "a 1 Hz sampler sleeps > 99.9% of the time");
        long samples = r.output().lines().filter(l -> l.startsWith("[sensor] #")).count();
        assertTrue(samples >= 3599 && samples <= 3601, "one sample per second: " + samples);
    }

    @Test
    void malformedImagesAreRefusedWithFileOffsetAndFieldWhileOthersLoad() throws Exception {
        byte[] good = java.nio.file.Files.readAllBytes(AppRunner.prebuilt("cortex-m4", "hello"));
        byte[] bad = good.clone();
        bad[20] ^= 0x55; // inside the first TLV: the checksum no longer matches
        var board = new org.tockemu.boards.Board(BoardConfig.builtin(), new java.io.ByteArrayOutputStream(), "interp",
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), null);
        var res = board.load(java.util.List.of(new ProcessLoader.App("broken.tbf", bad), new ProcessLoader.App("hello.tbf", good)));
        assertEquals(1, res.processes().size());
        assertEquals(1, res.errors().size());
        String msg = res.errors().get(0);
        assertTrue(msg.startsWith("broken.tbf"), msg);
        assertTrue(msg.contains("checksum"), msg);
        assertTrue(msg.contains("0x0c"), msg);
    }
}

package org.tockemu.capsules;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * DateTime (RTC) 0x90007 (capsules/extra/src/date_time.rs): 1 reads, 2 (date, time) sets the
 * clock; date = year &lt;&lt; 9 | month &lt;&lt; 5 | day, time = day_of_week &lt;&lt; 17 | hour &lt;&lt; 12 |
 * minute &lt;&lt; 6 | seconds. While an operation is in flight a new request only marks the process,
 * and every marked process gets that operation's result: upcall 0 (statuscode, date, time) for a
 * read, (statuscode, 0, 0) for a set. A month or weekday out of range -> INVAL, as are fields the
 * capsule accepts but the clock cannot hold (day 0, hour 24, minute 60, ...).
 *
 * <p>The clock runs on virtual time from the board's start date; the weekday is kept as set and
 * advances with each day, as a hardware RTC does.
 */
public final class DateTime implements SyscallDriver {
    public static final int DRIVER_NUM = 0x90007;

    static final class State extends GrantState {
        @Override public int size() { return 4; }
        boolean subscribed() { return u32(0) != 0; }
        void setSubscribed(boolean s) { setU32(0, s ? 1 : 0); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private LocalDateTime base;
    private int baseWeekday;
    private long baseCycle;
    private boolean inProgress;

    /** start: the clock's value at boot; weekday 0 = Sunday .. 6 = Saturday. */
    public DateTime(Kernel kernel, LocalDateTime start, int weekday) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 1, 0, 0, State::new);
        this.base = start;
        this.baseWeekday = weekday;
    }

    /** A clock that starts at start with its true weekday. */
    public DateTime(Kernel kernel, LocalDateTime start) { this(kernel, start, start.getDayOfWeek().getValue() % 7); }

    @Override public Grant<?> grant() { return grant; }

    /** The clock now: {date word, time word}. */
    public int[] now() {
        long seconds = (kernel.now() - baseCycle) / kernel.clockHz();
        LocalDateTime t = base.plusSeconds(seconds);
        long days = java.time.temporal.ChronoUnit.DAYS.between(base.toLocalDate(), t.toLocalDate());
        int weekday = (int) ((baseWeekday + days) % 7);
        return new int[] {t.getYear() << 9 | t.getMonthValue() << 5 | t.getDayOfMonth(),
                weekday << 17 | t.getHour() << 12 | t.getMinute() << 6 | t.getSecond()};
    }

    @Override public SyscallReturn command(int cmd, int date, int time, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1 && cmd != 2) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        if (grant.enter(pid, (s, k) -> s.setSubscribed(true)) != 0) return SyscallReturn.failure(ErrorCode.FAIL);
        if (inProgress) return SyscallReturn.success();
        if (cmd == 1) {
            inProgress = true;
            int[] v = now();
            kernel.defer(() -> done(v[0], v[1]));
            return SyscallReturn.success();
        }
        int month = (date >>> 5) & 0xF, weekday = (time >>> 17) & 0x7;
        int year = (date >>> 9) & 0xFFF, day = date & 0x1F;
        int hour = (time >>> 12) & 0x1F, minute = (time >>> 6) & 0x3F, second = time & 0x3F;
        if (month < 1 || month > 12 || weekday > 6) return SyscallReturn.failure(ErrorCode.INVAL);
        if (day > 31 || hour > 24 || minute > 60 || second > 60) return SyscallReturn.failure(ErrorCode.INVAL);
        LocalDateTime t;
        try {
            t = LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return SyscallReturn.failure(ErrorCode.INVAL);
        }
        inProgress = true;
        kernel.defer(() -> {
            base = t;
            baseWeekday = weekday;
            baseCycle = kernel.now();
            done(0, 0);
        });
        return SyscallReturn.success();
    }

    private void done(int a, int b) {
        inProgress = false;
        grant.each((s, k) -> {
            if (s.subscribed()) { s.setSubscribed(false); k.scheduleUpcall(0, 0, a, b); }
        });
    }
}

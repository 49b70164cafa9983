package org.tockemu.jit;

import java.util.HashMap;
import java.util.Map;

import org.tockemu.core.mem.Region;

/**
 * The translations shared by every engine in the JVM, keyed by entry PC and reused when the code
 * bytes they were made from match (many boards running the same firmware translate it once; a
 * context switch or another board only changes the windows, never the code). Bounded: past
 * {@code limit} translations it is emptied, and the unreferenced hidden classes can be unloaded.
 */
final class CodeCache {
    static final CodeCache SHARED = new CodeCache(Integer.getInteger("tockemu.jit.sharedTranslations", 8192));

    private final int limit;
    private final Map<Integer, Translation[]> byEntry = new HashMap<>();
    private int size;
    private long flushes;

    CodeCache(int limit) {
        this.limit = limit;
    }

    /** A translation of the code at entry that matches code's current bytes, or null. */
    synchronized Translation find(Region code, int entry) {
        Translation[] ts = byEntry.get(entry);
        if (ts == null) return null;
        for (Translation t : ts) if (t.matches(code)) return t;
        return null;
    }

    synchronized void add(Translation t) {
        if (size >= limit) {
            byEntry.clear();
            size = 0;
            flushes++;
        }
        Translation[] ts = byEntry.get(t.entry);
        Translation[] nts;
        if (ts == null) {
            nts = new Translation[] {t};
        } else {
            nts = java.util.Arrays.copyOf(ts, ts.length + 1);
            nts[ts.length] = t;
        }
        byEntry.put(t.entry, nts);
        size++;
    }

    /** Translations (and so generated classes) the cache holds. */
    synchronized int size() { return size; }

    synchronized long flushes() { return flushes; }
}

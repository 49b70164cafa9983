package org.tockemu.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A bounded run of the random-program differential fuzzer (JitFuzz main runs millions). */
class JitFuzzTest {
    static final int COUNT = Integer.getInteger("tockemu.jit.fuzzCount", 500);

    @Test void randomProgramsAgree() {
        List<String> bad = new ArrayList<>();
        for (long s = 1; s <= COUNT && bad.size() < 10; s++) {
            String d = JitFuzz.run(s);
            if (d != null) bad.add(d);
        }
        assertEquals(List.of(), bad);
    }
}

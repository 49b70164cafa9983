package org.tockemu.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tockemu.core.mem.UncheckedMemory;

/** Which memory paths this test JVM's generated code uses: the checked-memory run must really be checked. */
class UncheckedMemoryModeTest {
    @Test
    void modeFollowsTheProperty() {
        boolean checked = "checked".equals(System.getProperty("tockemu.memory"));
        if (checked) assertEquals("checked", UncheckedMemory.mode());
        else assertEquals(Runtime.version().feature() < 24, UncheckedMemory.ENABLED, "JDK 17-23 allow it quietly");
    }
}

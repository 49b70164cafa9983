package org.tockemu.boards;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BoardConfigTest {
    @Test
    void builtinBoardDescribesAnNrf52840() {
        BoardConfig c = BoardConfig.builtin();
        assertEquals(64_000_000, c.number("board.clock_hz", 0));
        assertEquals(0x100000, c.number("memory.flash_size", 0));
        assertEquals(0x40000, c.number("memory.ram_size", 0));
        assertEquals("round-robin", c.string("kernel.scheduler", null));
    }

    @Test
    void unknownKeysAreErrorsNamingFileAndLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> BoardConfig.parse("[board]\nclock = 5\n", "my.toml"));
        assertEquals("my.toml:2: unknown key 'board.clock'", e.getMessage());
    }

    @Test
    void badValuesAreErrors() {
        BoardConfig c = BoardConfig.parse("[board]\nclock_hz = fast\n", "b.toml");
        var e = assertThrows(IllegalArgumentException.class, () -> c.number("board.clock_hz", 0));
        assertTrue(e.getMessage().startsWith("b.toml:2: board.clock_hz: expected a number"), e.getMessage());
    }

    @Test
    void hexUnderscoresAndComments() {
        BoardConfig c = BoardConfig.parse("[memory] # comment\nflash_size = 0x10_0000 # 1 MiB\n", "x");
        assertEquals(0x100000, c.number("memory.flash_size", 0));
    }
}

package org.tockemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher's hidden training command: the demo and a bare-metal ELF in one JVM. */
class TrainCommandTest {
    static final Path ELF = Path.of("..", "scripts", "cds-train.elf");

    @Test
    void runsTheDemoAndTheElf() {
        assertTrue(Files.isRegularFile(ELF), ELF.toAbsolutePath().toString());
        BareCommandTest.Result r = BareCommandTest.run("train", ELF.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("tockemu demo: "), "the demo ran: " + r.err());
    }

    @Test
    void hiddenFromHelpAndAMissingElfIsAnError() {
        assertFalse(BareCommandTest.run("--help").out().contains("train"));
        assertEquals(2, BareCommandTest.run("train", "no-such.elf").code());
    }
}

package org.tockemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tockemu.core.testing.RepoRoot;
import org.tockemu.core.testing.Tools;

/**
 * The demo runs from committed TBFs (apps/prebuilt); this rebuilds every app from source with
 * arm-none-eabi-gcc and this build's own packer and requires byte-identical results.
 */
class PrebuiltAppsTest {
    @Test
    void prebuiltTbfsMatchASourceRebuild() throws Exception {
        if (Tools.onPath("arm-none-eabi-gcc").isEmpty()) {
            Tools.missing("arm-none-eabi-gcc (apt-get install gcc-arm-none-eabi) to rebuild apps/prebuilt");
            return;
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String pack = java + " -cp " + System.getProperty("java.class.path") + " org.tockemu.cli.Main tbf pack";
        java.lang.Process p = new ProcessBuilder("make", "-C", RepoRoot.find().resolve("apps").toString(), "-j2", "check-prebuilt",
                "TBFPACK=" + pack).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(15, TimeUnit.MINUTES)) p.destroyForcibly();
        assertEquals(0, p.exitValue(), "apps/prebuilt differs from a rebuild (run scripts/build-apps.sh prebuilt):\n" + out);
    }
}

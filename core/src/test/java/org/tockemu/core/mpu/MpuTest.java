package org.tockemu.core.mpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tockemu.core.cpu.Access.EXECUTE;
import static org.tockemu.core.cpu.Access.READ;
import static org.tockemu.core.cpu.Access.WRITE;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.Region;

/** PMSAv7 permission matrix, subregions, overlap priority, background map, HFNMIENA, span(), registers. */
class MpuTest {
    final Bus bus = new Bus();
    final Cpu cpu;
    final Mpu mpu;

    MpuTest() {
        bus.add(Region.memory("code", 0, 1 << 20, true, true));
        bus.add(Region.memory("ram", 0x2000_0000, 256 * 1024, true, true));
        cpu = new Cpu(bus);
        mpu = cpu.mpu;
    }

    static int rasr(int xn, int ap, int srd, int sizeField) {
        return (xn << 28) | (ap << 24) | (srd << 8) | (sizeField << 1) | 1;
    }

    /** "rwx" for privileged then unprivileged, '-' where denied. */
    String perms(int addr) {
        StringBuilder sb = new StringBuilder();
        for (boolean priv : new boolean[] {true, false}) {
            sb.append(mpu.allows(addr, READ, priv) ? 'r' : '-');
            sb.append(mpu.allows(addr, WRITE, priv) ? 'w' : '-');
            sb.append(mpu.allows(addr, EXECUTE, priv) ? 'x' : '-');
        }
        return sb.toString();
    }

    @Test
    void disabledMpuIsTheDefaultMapForEveryone() {
        assertEquals("rwxrwx", perms(0x0000_1000));
        assertEquals("rwxrwx", perms(0x2000_0000));
        assertEquals("rw-rw-", perms(0x4000_0000), "peripheral space is XN");
        assertEquals("rwxrwx", perms(0x6000_0000));
        assertEquals("rw-rw-", perms(0xA000_0000), "device space is XN");
        assertEquals("rw-rw-", perms(0xE000_ED00));
        assertEquals("rw-rw-", perms(0xFFFF_FFFF));
    }

    @Test
    void accessPermissionMatrix() {
        String[] expected = {"------", "rwx---", "rwxr-x", "rwxrwx", "------", "r-x---", "r-xr-x", "r-xr-x"};
        for (int xn = 0; xn <= 1; xn++) {
            for (int ap = 0; ap < 8; ap++) {
                mpu.writeRegister(0x04, 0);
                mpu.setRegion(0, 0x2000_0000, rasr(xn, ap, 0, 9)); // 1 KiB
                mpu.writeCtrl(Mpu.CTRL_ENABLE);
                String want = xn == 1 ? expected[ap].replace('x', '-') : expected[ap];
                assertEquals(want, perms(0x2000_0004), "AP=" + ap + " XN=" + xn);
                assertEquals(want, perms(0x2000_03FF), "last byte, AP=" + ap);
                assertEquals("------", perms(0x2000_0400), "outside: no background without PRIVDEFENA");
            }
        }
    }

    @Test
    void privdefenaGivesPrivilegedTheDefaultMapOnly() {
        mpu.setRegion(0, 0x2000_0000, rasr(0, 3, 0, 9));
        mpu.writeCtrl(Mpu.CTRL_ENABLE | Mpu.CTRL_PRIVDEFENA);
        assertEquals("rwx---", perms(0x0000_0100));
        assertEquals("rw----", perms(0x4000_0000));
        assertEquals("rwxrwx", perms(0x2000_0000));
        assertEquals("rw-rw-", perms(0xE000_E100), "PPB always uses the default map (the SCS faults unprivileged accesses)");
        assertEquals("rw----", perms(0xE010_0000), "vendor system space: background map for privileged, XN");
    }

    @Test
    void subregionsAndOverlapPriority() {
        mpu.setRegion(0, 0x2000_0000, rasr(0, 3, 0, 11));           // 4 KiB RW for all
        mpu.setRegion(1, 0x2000_0000, rasr(1, 6, 0b0000_0110, 10)); // 2 KiB RO XN, subregions 1, 2 disabled
        mpu.writeCtrl(Mpu.CTRL_ENABLE);
        assertEquals("r--r--", perms(0x2000_0000));
        assertEquals("rwxrwx", perms(0x2000_0100), "disabled subregion falls through to region 0");
        assertEquals("rwxrwx", perms(0x2000_02FF));
        assertEquals("r--r--", perms(0x2000_0300));
        assertEquals("r--r--", perms(0x2000_07FF));
        assertEquals("rwxrwx", perms(0x2000_0800));
        assertEquals("------", perms(0x2000_1000));
        // a higher-numbered region with no access wins over both
        mpu.setRegion(5, 0x2000_0200, rasr(0, 0, 0, 4)); // 32 B
        assertEquals("------", perms(0x2000_0210));
        assertEquals("rwxrwx", perms(0x2000_0220));
    }

    @Test
    void spanIsTheMaximalRangeWithThatPermission() {
        mpu.setRegion(0, 0x2000_0000, rasr(0, 3, 0, 11));
        mpu.setRegion(1, 0x2000_0000, rasr(1, 6, 0b0000_0110, 10));
        mpu.writeCtrl(Mpu.CTRL_ENABLE);
        assertSpan(0x2000_0100, 0x200, mpu.span(0x2000_0150, WRITE, false));
        assertSpan(0x2000_0800, 0x800, mpu.span(0x2000_0850, WRITE, true));
        assertSpan(0x2000_0000, 0x1000, mpu.span(0x2000_0010, READ, false), "readable everywhere in the 4 KiB");
        assertEquals(0, mpu.span(0x2000_0010, WRITE, false));
        assertEquals(0, mpu.span(0x3000_0000, READ, true));
        mpu.writeCtrl(0);
        assertSpan(0, 0xFFFFFFE0L, mpu.span(0x1234, READ, false), "4 GiB reported as 0xFFFFFFE0");
        assertSpan(0x6000_0000, 0x4000_0000, mpu.span(0x7000_0000, EXECUTE, true));
    }

    static void assertSpan(long start, long len, long span) { assertSpan(start, len, span, ""); }

    static void assertSpan(long start, long len, long span, String msg) {
        assertEquals(start, span & 0xFFFFFFFFL, "start " + msg);
        assertEquals(len, span >>> 32, "length " + msg);
    }

    @Test
    void smallAndHugeAndInvalidRegions() {
        mpu.setRegion(0, 0x2000_0020, rasr(0, 3, 0xFF, 4)); // 32 B: SRD ignored below 256 B
        mpu.setRegion(1, 0x2000_0040, rasr(0, 3, 0, 6));    // 128 B at a 64-byte boundary: misaligned, ignored (as QEMU)
        mpu.setRegion(2, 0x2000_0100, rasr(0, 3, 0, 3));    // SIZE < 4: ignored
        mpu.writeCtrl(Mpu.CTRL_ENABLE);
        assertEquals("rwxrwx", perms(0x2000_0020));
        assertEquals("rwxrwx", perms(0x2000_003F));
        assertEquals("------", perms(0x2000_0040));
        assertEquals("------", perms(0x2000_0100));
        mpu.setRegion(3, 0, rasr(0, 6, 0, 31)); // 4 GiB read-only
        assertEquals("r-xr-x", perms(0x1234_5678));
        assertEquals("r--r--", perms(0xF000_0000), "system space is always XN");
    }

    @Test
    void hfnmienaDecidesWhetherTheMpuAppliesAtNegativePriority() {
        mpu.setRegion(0, 0x2000_0000, rasr(0, 0, 0, 9));
        mpu.writeCtrl(Mpu.CTRL_ENABLE | Mpu.CTRL_PRIVDEFENA);
        assertFalse(mpu.allows(0x2000_0000, READ, true));
        mpu.setNegativePriority(true);
        assertTrue(mpu.allows(0x2000_0000, READ, true), "HardFault/NMI/FAULTMASK bypass the MPU");
        assertFalse(mpu.effectivelyEnabled());
        mpu.writeCtrl(Mpu.CTRL_ENABLE | Mpu.CTRL_PRIVDEFENA | Mpu.CTRL_HFNMIENA);
        assertFalse(mpu.allows(0x2000_0000, READ, true));
        mpu.setNegativePriority(false);
        assertFalse(mpu.allows(0x2000_0000, READ, true));
    }

    @Test
    void registersRbarValidRegionAndAliases() {
        mpu.writeRegister(0x0C, 0x2000_0000 | Mpu.RBAR_VALID | 3); // RBAR, VALID, region 3
        assertEquals(3, mpu.readRegister(0x08), "RNR updated");
        assertEquals(0x2000_0003, mpu.readRegister(0x0C), "RBAR reads REGION, VALID reads 0");
        mpu.writeRegister(0x18, 0xFFFF_FFFF); // RASR_A1
        assertEquals(Mpu.RASR_MASK, mpu.readRegister(0x10));
        mpu.writeRegister(0x08, 5);
        mpu.writeRegister(0x24, 0x0000_1000); // RBAR_A3 without VALID: region RNR
        assertEquals(0x0000_1005, mpu.readRegister(0x14));
        mpu.writeRegister(0x08, 9); // out of range: ignored
        assertEquals(5, mpu.readRegister(0x08));
        mpu.writeRegister(0x0C, Mpu.RBAR_VALID | 12); // out of range region: ignored
        assertEquals(0x0000_1005, mpu.readRegister(0x0C));
        assertEquals(0x800, mpu.readRegister(0x00));
    }

    @Test
    void everyChangeDropsTheCpuWindows() {
        long e0 = cpu.windowEpoch;
        mpu.setRegion(0, 0x2000_0000, rasr(0, 3, 0, 9));
        assertTrue(cpu.windowEpoch > e0);
        long e1 = cpu.windowEpoch;
        mpu.writeCtrl(Mpu.CTRL_ENABLE);
        assertTrue(cpu.windowEpoch > e1);
    }

    @Test
    void cpuFaultsPreciselyThroughTheMpu() {
        mpu.setRegion(0, 0, rasr(0, 3, 0, 19));                // code 1 MiB
        mpu.setRegion(1, 0x2000_0000, rasr(1, 3, 0, 17));      // RAM 256 KiB, XN
        mpu.setRegion(2, 0x2000_1000, rasr(1, 2, 0, 7));       // 256 B unprivileged read-only
        mpu.writeCtrl(Mpu.CTRL_ENABLE);
        cpu.setModeAndControl(0, 1); // unprivileged thread
        cpu.write32(0x2000_0FFC, 7);
        assertEquals(7, cpu.read32(0x2000_0FFC));
        cpu.read32(0x2000_1000);
        assertThrows(GuestFault.class, () -> cpu.write32(0x2000_1010, 1));
        assertEquals(Fault.MEMMANAGE, cpu.faultException);
        assertEquals(Fault.DACCVIOL | Fault.MMARVALID, cpu.faultStatus);
        assertEquals(0x2000_1010, cpu.faultAddress);
        assertThrows(GuestFault.class, () -> cpu.fetch16Slow(0x2000_0000));
        assertEquals(Fault.IACCVIOL, cpu.faultStatus);
    }

    @Test
    void describeListsRegionsAndSegments() {
        mpu.setRegion(0, 0x2000_0000, rasr(1, 3, 0x80, 10));
        mpu.writeCtrl(Mpu.CTRL_ENABLE | Mpu.CTRL_PRIVDEFENA);
        String d = mpu.describe();
        assertTrue(d.contains("region 0: base 0x20000000 size 2 KiB AP=3 XN SRD=0x80"), d);
        assertTrue(d.contains("[0x20000000, 0x20000700) priv rw-  unpriv rw-"), d);
    }
}

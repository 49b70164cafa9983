package org.tockemu.core.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;

/** The unchecked fast-path accesses and the window invariant they rely on. */
class UncheckedMemoryTest {
    @Test
    void enabledOnThisJvmUnlessTurnedOff() {
        // the test JVM is JDK 17+ without -Dtockemu.memory=checked; before JDK 24 Unsafe access is quiet
        boolean expected = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN && !"checked".equals(System.getProperty("tockemu.memory"))
                && (Runtime.version().feature() < 24 || "allow".equals(System.getProperty("sun.misc.unsafe.memory.access")));
        assertEquals(expected, UncheckedMemory.ENABLED);
        assertEquals(expected ? "unchecked" : "checked", UncheckedMemory.mode());
    }

    @Test
    void sameBytesAsTheCheckedLittleEndianViews() {
        Random rnd = new Random(5);
        byte[] a = new byte[64], b = new byte[64];
        for (int k = 0; k < 10_000; k++) {
            int i = rnd.nextInt(61), v = rnd.nextInt();
            switch (k % 5) {
                case 0: UncheckedMemory.put32(a, i, v); LittleEndian.put32(b, i, v); break;
                case 1: UncheckedMemory.put16(a, i, v); LittleEndian.put16(b, i, v); break;
                case 2: assertEquals(LittleEndian.get32(b, i), UncheckedMemory.get32(a, i)); break;
                case 3: assertEquals(b[i] & 0xFF, UncheckedMemory.get8(a, i)); break;
                default: assertEquals(LittleEndian.get16(b, i), UncheckedMemory.get16(a, i)); break;
            }
            assertEquals(java.util.Arrays.toString(b), java.util.Arrays.toString(a));
        }
        a[10] = (byte) 0xFE; a[11] = (byte) 0xCA;
        assertEquals(0xCAFE, UncheckedMemory.get16(a, 10), "halfwords are zero-extended");
        assertEquals(0xFE, UncheckedMemory.get8(a, 10), "bytes are zero-extended");
    }

    /**
     * A region whose size is not a multiple of 4: its fast windows stop at the last whole word, so a
     * word access overlapping its end takes the slow path and bus-faults instead of reading past
     * the array (which an unchecked access would do).
     */
    @Test
    void windowsHoldWholeWordsInsideTheArray() {
        Bus bus = new Bus();
        Region odd = bus.add(Region.memory("odd", 0x2000_0000, 6, true, false));
        Cpu cpu = new Cpu(bus);
        odd.data[4] = 0x34; odd.data[5] = 0x12;
        assertEquals(0, cpu.read32(0x2000_0000)); // slow path, learns the read window
        assertEquals(0x1234, cpu.read16(0x2000_0004)); // past the window's last whole word: slow path
        assertEquals(0x1234, cpu.read16(0x2000_0004)); // still correct with the window installed
        assertTrue(cpu.r0Len % 4 == 0 && cpu.r0Len <= 4 && cpu.r0Len > 0, "window " + cpu.r0Len);
        GuestFault f = assertThrows(GuestFault.class, () -> cpu.read32(0x2000_0004));
        assertEquals(Fault.PRECISERR | Fault.BFARVALID, cpu.faultStatus & (Fault.PRECISERR | Fault.BFARVALID), String.valueOf(f));
        cpu.write32(0x2000_0000, 0x55667788); // learns the write window
        assertThrows(GuestFault.class, () -> cpu.write32(0x2000_0004, 1));
        assertTrue(cpu.wLen % 4 == 0 && cpu.wLen <= 4, "write window " + cpu.wLen);
        assertEquals(0x1234, cpu.read16(0x2000_0004), "the faulting store changed nothing");
    }
}

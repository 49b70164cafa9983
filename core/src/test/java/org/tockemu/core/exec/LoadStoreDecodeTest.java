package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.decode.TableBuilder;

/**
 * The load/store table as a whole: every entry is reachable (not shadowed by an earlier entry of
 * any group), encodings matching a load/store pattern never decode to another group, and the
 * operand fields of a few representative encodings.
 */
class LoadStoreDecodeTest {
    private static Set<String> memoryNames() {
        Set<String> names = new HashSet<>();
        for (TableBuilder.Entry e : Decoder.entries16()) if (e.group() == Group.MEMORY) names.add(e.name());
        for (TableBuilder.Entry e : Decoder.entries32()) if (e.group() == Group.MEMORY) names.add(e.name());
        return names;
    }

    private static Insn decode(int enc, boolean wide) {
        return wide ? Decoder.decode(enc >>> 16, enc & 0xFFFF) : Decoder.decode(enc, 0);
    }

    private static void reachable(List<TableBuilder.Entry> entries, boolean wide, Set<String> memory) {
        Random rnd = new Random(0x15);
        for (TableBuilder.Entry e : entries) {
            if (e.group() != Group.MEMORY) continue;
            boolean hit = false;
            for (int i = 0; i < 5000; i++) {
                int enc = e.pattern().value | (rnd.nextInt() & ~e.pattern().mask);
                if (!wide) enc &= 0xFFFF;
                String name = decode(enc, wide).name;
                assertTrue(memory.contains(name), String.format("%08x matches %s but decodes as %s", enc, e.name(), name));
                if (name.equals(e.name())) hit = true;
            }
            assertTrue(hit, e.name() + " is shadowed");
        }
    }

    @Test
    void everyEntryIsReachableAndNotShadowedByOtherGroups() {
        Set<String> memory = memoryNames();
        reachable(Decoder.entries16(), false, memory);
        reachable(Decoder.entries32(), true, memory);
        assertTrue(memory.size() >= 21 + 6 + 11 + 53, "entries: " + memory.size());
    }

    @Test
    void operandFields() {
        Insn in = Decoder.decode(0xF852, 0x1D08); // ldr r1, [r2, #-8]!
        assertEquals(1, in.rd);
        assertEquals(2, in.rn);
        assertEquals(-8, in.imm);
        assertEquals(Insn.INDEX | Insn.WBACK, in.flags);
        assertEquals(LoadStore.LD_WB + LoadStore.W, in.op);
        assertEquals(2, in.cycles);

        in = Decoder.decode(0xF822, 0x1B02); // strh r1, [r2], #2
        assertEquals(Insn.ADD | Insn.WBACK, in.flags);
        assertEquals(LoadStore.ST_WB + LoadStore.H, in.op);
        assertEquals(1, in.cycles);

        in = Decoder.decode(0xF932, 0x1033); // ldrsh.w r1, [r2, r3, lsl #3]
        assertEquals(3, in.rm);
        assertEquals(3, in.shiftN);
        assertEquals(LoadStore.LD_REG + LoadStore.SH, in.op);

        in = Decoder.decode(0xF85F, 0xF008); // ldr.w pc, [pc, #-8]
        assertEquals(LoadStore.LDR_PC, in.op);
        assertEquals(15, in.rn);
        assertEquals(-8, in.imm);

        in = Decoder.decode(0xE92D, 0x4FF0); // push.w {r4-r11, lr}
        assertEquals(LoadStoreMultiple.STMDB, in.op);
        assertEquals(13, in.rn);
        assertEquals(0x4FF0, in.list);
        assertEquals(Insn.WBACK, in.flags);
        assertEquals(10, in.cycles);

        in = Decoder.decode(0xBD10, 0); // pop {r4, pc}
        assertEquals(LoadStoreMultiple.LDM, in.op);
        assertEquals(0x8010, in.list);
        assertEquals(3, in.cycles);

        in = Decoder.decode(0xB540, 0); // push {r6, lr}
        assertEquals(0x4040, in.list);

        in = Decoder.decode(0xE841, 0x0203); // strex r2, r0, [r1, #12]
        assertEquals(0, in.rd);
        assertEquals(2, in.ra);
        assertEquals(12, in.imm);

        in = Decoder.decode(0xE9D2, 0x01FF); // ldrd r0, r1, [r2, #1020]
        assertEquals(1020, in.imm);
        assertEquals(1, in.ra);
        assertEquals(3, in.cycles);
    }
}

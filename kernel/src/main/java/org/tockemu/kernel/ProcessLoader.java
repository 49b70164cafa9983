package org.tockemu.kernel;

import java.util.ArrayList;
import java.util.List;
import org.tockemu.core.mem.Bus;
import org.tockemu.kernel.tbf.TbfFormatException;
import org.tockemu.kernel.tbf.TbfHeader;

/**
 * Puts TBF images into emulated flash one after another, the way tockloader does (padding objects
 * keep each power-of-two app aligned to its size so one MPU region covers it), then creates a
 * process for each valid one as Tock's process loading does: checks, RAM block allocation in flash
 * order from the app RAM pool. A bad image is reported (file, offset, field) and skipped; the
 * others still load.
 */
public final class ProcessLoader {
    /** One image to load and where it came from (for messages). */
    public record App(String source, byte[] tbf) {}

    /** What was loaded and what was refused. */
    public record Result(List<Process> processes, List<String> errors) {}

    private ProcessLoader() {}

    public static Result load(Kernel kernel, List<App> apps, int flashStart, int flashEnd, int ramStart, int ramEnd) {
        Bus bus = kernel.bus;
        List<String> errors = new ArrayList<>();
        List<Process> loaded = new ArrayList<>();
        long cursor = Integer.toUnsignedLong(flashStart);
        long ramCursor = Integer.toUnsignedLong(ramStart);
        int initialKernel = Process.initialKernelMemory(kernel.grantCount());
        for (App app : apps) {
            TbfHeader h;
            try {
                h = TbfHeader.parse(app.tbf(), app.source());
                h.checkLoadable(Kernel.VERSION_MAJOR, Kernel.VERSION_MINOR);
            } catch (TbfFormatException e) {
                errors.add(e.getMessage());
                continue;
            }
            if (!h.isEnabled()) { errors.add(app.source() + ": not enabled (flags bit 0 clear): skipped"); continue; }
            long size = h.totalSize();
            if (size > app.tbf().length) {
                errors.add(String.format("%s: offset 0x04 (total_size): %d bytes declared, file has %d", app.source(), size, app.tbf().length));
                continue;
            }
            long start = cursor;
            if (Long.bitCount(size) == 1) start = (cursor + size - 1) / size * size;
            if (h.fixedFlashAddress().isPresent()) {
                long want = h.fixedFlashAddress().getAsLong() - h.protectedSize();
                if (want < cursor) { errors.add(String.format("%s: fixed flash address 0x%x is already taken or below app flash", app.source(), h.fixedFlashAddress().getAsLong())); continue; }
                start = want;
            }
            if (start + size > Integer.toUnsignedLong(flashEnd)) { errors.add(app.source() + ": does not fit in app flash"); continue; }
            if (start > cursor) writePadding(bus, cursor, start - cursor);
            bus.load((int) start, app.tbf(), 0, (int) size);
            cursor = start + size;

            String name = h.packageName().orElse(stripExtension(app.source()));
            long minMemory = Math.max(h.minimumRamSize(), Process.INITIAL_APP_BRK) + initialKernel;
            MpuLayout.RamBlock block = MpuLayout.allocateRam(ramCursor, Integer.toUnsignedLong(ramEnd) - ramCursor, minMemory,
                    Process.INITIAL_APP_BRK, initialKernel);
            if (block == null) {
                errors.add(String.format("%s: not enough RAM: needs %d bytes, %d left in the app RAM pool", name, minMemory,
                        Integer.toUnsignedLong(ramEnd) - ramCursor));
                continue;
            }
            if (h.fixedRamAddress().isPresent() && h.fixedRamAddress().getAsLong() != Integer.toUnsignedLong(block.start())) {
                errors.add(String.format("%s: fixed RAM address 0x%x does not match its RAM block 0x%x", name,
                        h.fixedRamAddress().getAsLong(), block.start()));
                continue;
            }
            for (int i = 0; i < block.size(); i += 4) bus.write(block.start() + i, 4, 0);
            ramCursor = Integer.toUnsignedLong(block.start()) + block.size();
            Process p = new Process(kernel.processes().size(), 0, name, h, (int) start, (int) size, block.start(), block.size(),
                    initialKernel, kernel.grantCount(), bus);
            loaded.add(kernel.addProcess(p));
        }
        return new Result(loaded, errors);
    }

    /** A TBF padding object (header only, no TLVs) covering a gap, as tockloader writes. */
    private static void writePadding(Bus bus, long at, long len) {
        if (len < 16) return;
        byte[] hdr = new byte[16];
        put16(hdr, 0, 2);
        put16(hdr, 2, 16);
        put32(hdr, 4, (int) len);
        put32(hdr, 8, 0);
        put32(hdr, 12, (int) TbfHeader.computeChecksum(hdr, 0, 16));
        bus.load((int) at, hdr, 0, 16);
    }

    private static void put16(byte[] b, int o, int v) { b[o] = (byte) v; b[o + 1] = (byte) (v >>> 8); }

    private static void put32(byte[] b, int o, int v) { put16(b, o, v); put16(b, o + 2, v >>> 16); }

    private static String stripExtension(String path) {
        String n = path.replaceAll(".*/", "");
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}

package org.tockemu.capsules;

/** Driver numbers of capsules/core/src/driver.rs (what libtock-c expects). */
public final class DriverNumbers {
    public static final int ALARM = 0x0, CONSOLE = 0x1, LED = 0x2, BUTTON = 0x3, GPIO = 0x4, ADC = 0x5,
            LOW_LEVEL_DEBUG = 0x8, READ_ONLY_STATE = 0x9, IPC = 0x10000, PROCESS_INFO = 0x10002, RNG = 0x40001,
            TEMPERATURE = 0x60000, HUMIDITY = 0x60001;

    private DriverNumbers() {}
}

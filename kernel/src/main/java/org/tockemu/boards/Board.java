package org.tockemu.boards;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.tockemu.capsules.Adc;
import org.tockemu.capsules.AdcDedicated;
import org.tockemu.capsules.Alarm;
import org.tockemu.capsules.AppFlash;
import org.tockemu.capsules.AmbientLight;
import org.tockemu.capsules.AnalogComparator;
import org.tockemu.capsules.Button;
import org.tockemu.capsules.Buzzer;
import org.tockemu.capsules.Console;
import org.tockemu.capsules.Crc;
import org.tockemu.capsules.CycleCount;
import org.tockemu.capsules.Dac;
import org.tockemu.capsules.DateTime;
import org.tockemu.capsules.DriverNumbers;
import org.tockemu.capsules.Gpio;
import org.tockemu.capsules.Humidity;
import org.tockemu.capsules.Ipc;
import org.tockemu.capsules.Led;
import org.tockemu.capsules.NineDof;
import org.tockemu.capsules.NonvolatileStorage;
import org.tockemu.capsules.Pressure;
import org.tockemu.capsules.ProcessConsole;
import org.tockemu.capsules.ProcessInfo;
import org.tockemu.capsules.Proximity;
import org.tockemu.capsules.LowLevelDebug;
import org.tockemu.capsules.Rng;
import org.tockemu.capsules.SoundPressure;
import org.tockemu.capsules.Temperature;
import org.tockemu.core.board.ExecutionEngine;
import org.tockemu.core.board.ExecutionEngines;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.exc.SystemControlSpace;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.Region;
import org.tockemu.kernel.CortexMBoundary;
import org.tockemu.kernel.FaultPolicy;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessLoader;
import org.tockemu.kernel.sched.RoundRobinScheduler;
import org.tockemu.kernel.sched.Scheduler;

/**
 * A Tock board (like a board crate's main.rs in Tock): the chip's memories and core, the kernel, and the wiring of
 * capsules to driver numbers, all as the board description says. Policy lives here; mechanism in
 * the kernel and capsules.
 */
public final class Board {
    public final BoardConfig config;
    public final Bus bus = new Bus();
    public final Cpu cpu;
    public final Kernel kernel;
    public final Console console;
    public final Alarm alarm;
    public final Led led;
    public final Button button;
    public final Gpio gpio;
    public final Rng rng;
    public final Temperature temperature;
    public final Ipc ipc;
    /** Tock's process console, when the board enables it (peripherals.process_console); else null. */
    public final ProcessConsole processConsole;
    public final String engineName;
    /** The execution engine running the core (its counters go into --stats). */
    public final ExecutionEngine engine;
    private final int appFlashStart, appFlashEnd, appRamStart, appRamEnd;

    /**
     * Builds the board. ledListener, if not null, hears about every LED change (index).
     */
    public Board(BoardConfig cfg, OutputStream consoleOut, String engine, PrintStream warnings, java.util.function.IntConsumer ledListener) {
        this(cfg, consoleOut, null, engine, warnings, ledListener);
    }

    /**
     * Builds the board; kernelOut, when not null, receives the kernel's own messages (fault reports,
     * panics) instead of the UART, so tests can tell process output from kernel output.
     */
    public Board(BoardConfig cfg, OutputStream consoleOut, OutputStream kernelOut, String engine, PrintStream warnings,
            java.util.function.IntConsumer ledListener) {
        this.config = cfg;
        long clock = cfg.number("board.clock_hz", 64_000_000);
        int flashStart = (int) cfg.number("memory.flash_start", 0), flashSize = (int) cfg.number("memory.flash_size", 0x100000);
        int ramStart = (int) cfg.number("memory.ram_start", 0x20000000), ramSize = (int) cfg.number("memory.ram_size", 0x40000);
        Region flash = bus.add(Region.memory("flash", flashStart, flashSize, false, true));
        flash.codeStore = true;
        bus.add(Region.memory("ram", ramStart, ramSize, true, true));
        cpu = new Cpu(bus);
        cpu.exceptions.configure((int) cfg.number("board.irqs", 48), (int) cfg.number("board.priority_bits", 3));
        SystemControlSpace.map(bus, cpu);
        ExecutionEngine eng = ExecutionEngines.find(engine, warnings).create(cpu);
        this.engine = eng;
        this.engineName = ExecutionEngines.find(engine, null).name();
        appFlashStart = (int) cfg.number("memory.app_flash_start", flashStart + 0x40000);
        appFlashEnd = flashStart + flashSize;
        appRamStart = (int) cfg.number("memory.app_ram_start", ramStart + 0x8000);
        appRamEnd = ramStart + ramSize;
        int kernelStack = (int) cfg.number("memory.kernel_stack_top", appRamStart);

        Scheduler sched = Scheduler.byName(cfg.string("kernel.scheduler", "round-robin"));
        if (sched instanceof RoundRobinScheduler) sched = new RoundRobinScheduler(cfg.number("kernel.timeslice_us", 10_000));
        kernel = new Kernel(cpu, clock, new PrintStream(kernelOut != null ? kernelOut : consoleOut, true), sched, new CortexMBoundary(cpu, eng, kernelStack));
        kernel.setFaultPolicy(FaultPolicy.parse(cfg.string("kernel.fault_policy", "panic")));
        kernel.setSyscallFilter(cfg.bool("kernel.syscall_filter", false));

        console = new Console(kernel, consoleOut, (int) cfg.number("peripherals.uart_baud", 115200));
        alarm = new Alarm(kernel, cfg.number("peripherals.rtc_hz", 32768), (int) cfg.number("peripherals.rtc_bits", 24));
        led = new Led((int) cfg.number("peripherals.leds", 4), ledListener);
        button = new Button(kernel, (int) cfg.number("peripherals.buttons", 4));
        gpio = new Gpio(kernel, (int) cfg.number("peripherals.gpio_pins", 32));
        rng = new Rng(kernel, cfg.number("peripherals.rng_seed", 1));
        int centi = (int) cfg.number("peripherals.temperature_centi_c", 2250);
        temperature = new Temperature(kernel, cycle -> centi);
        ipc = new Ipc(kernel, (int) cfg.number("kernel.max_processes", 8));

        processConsole = cfg.bool("peripherals.process_console", false) ? new ProcessConsole(kernel, kernel.console()) : null;

        kernel.registerDriver(DriverNumbers.ALARM, alarm);
        kernel.registerDriver(DriverNumbers.CONSOLE, console);
        kernel.registerDriver(DriverNumbers.LED, led);
        kernel.registerDriver(DriverNumbers.BUTTON, button);
        kernel.registerDriver(DriverNumbers.GPIO, gpio);
        kernel.registerDriver(DriverNumbers.LOW_LEVEL_DEBUG, new LowLevelDebug(kernel.console()));
        kernel.registerDriver(DriverNumbers.RNG, rng);
        kernel.registerDriver(DriverNumbers.TEMPERATURE, temperature);
        kernel.registerDriver(DriverNumbers.IPC, ipc);
        if (cfg.bool("peripherals.read_only_state", false)) {
            // like Tock's, it allocates its grant in every process at the first switch: opt-in
            kernel.registerDriver(DriverNumbers.READ_ONLY_STATE, new org.tockemu.capsules.ReadOnlyState(kernel,
                    cfg.number("peripherals.rtc_hz", 32768)));
        }
        registerSensors(cfg);
    }

    /** The sensor-like drivers of capsules/extra and the ADC, with readings from the board description. */
    private void registerSensors(BoardConfig cfg) {
        int humidity = (int) cfg.number("peripherals.humidity_centi_percent", 4500);
        int lux = (int) cfg.number("peripherals.ambient_light_lux", 300);
        int hpa = (int) cfg.number("peripherals.pressure_hpa", 1013);
        int db = (int) cfg.number("peripherals.sound_pressure_db", 50);
        int proximity = (int) cfg.number("peripherals.proximity", 0);
        long adcSample = cfg.number("peripherals.adc_sample", 0x8000);
        kernel.registerDriver(DriverNumbers.HUMIDITY, new Humidity(kernel, c -> humidity));
        kernel.registerDriver(AmbientLight.DRIVER_NUM, new AmbientLight(kernel, c -> lux));
        kernel.registerDriver(Pressure.DRIVER_NUM, new Pressure(kernel, c -> hpa));
        kernel.registerDriver(SoundPressure.DRIVER_NUM, new SoundPressure(kernel, c -> db));
        kernel.registerDriver(Proximity.DRIVER_NUM, new Proximity(kernel, c -> proximity));
        kernel.registerDriver(NineDof.DRIVER_NUM, new NineDof(kernel,
                NineDof.parseVector(cfg.string("peripherals.accelerometer_mg", "0,0,1000")),
                NineDof.parseVector(cfg.string("peripherals.magnetometer", "220,-40,-420")),
                NineDof.parseVector(cfg.string("peripherals.gyroscope_dps", "0,0,0"))));
        kernel.registerDriver(Buzzer.DRIVER_NUM, new Buzzer(kernel));
        kernel.registerDriver(Crc.DRIVER_NUM, new Crc(kernel));
        kernel.registerDriver(CycleCount.DRIVER_NUM, new CycleCount(kernel));
        kernel.registerDriver(Dac.DRIVER_NUM, new Dac());
        kernel.registerDriver(AnalogComparator.DRIVER_NUM, new AnalogComparator(kernel, 2));
        kernel.registerDriver(AppFlash.DRIVER_NUM, new AppFlash(kernel, bus));
        kernel.registerDriver(NonvolatileStorage.DRIVER_NUM, new NonvolatileStorage(kernel, 32 * 1024));
        kernel.registerDriver(ProcessInfo.DRIVER_NUM, new ProcessInfo(kernel));
        kernel.registerDriver(DateTime.DRIVER_NUM, new DateTime(kernel, java.time.LocalDateTime.parse(cfg.string("peripherals.rtc_date", "2000-01-01T00:00:00"))));
        int adcChannels = (int) cfg.number("peripherals.adc_channels", 6);
        String adcMode = cfg.string("peripherals.adc_mode", "dedicated");
        if (!adcMode.equals("dedicated") && !adcMode.equals("virtualized"))
            throw new IllegalArgumentException("peripherals.adc_mode: expected \"dedicated\" or \"virtualized\", found \"" + adcMode + "\"");
        kernel.registerDriver(DriverNumbers.ADC, adcMode.equals("dedicated")
                ? new AdcDedicated(kernel, adcChannels, 12, 3300, ch -> adcSample)
                : new Adc(kernel, adcChannels, 12, 3300, ch -> adcSample));
    }

    /** UART input: to the process console when the board has one, else to the console capsule's readers. */
    public void uartInput(byte[] bytes) {
        if (processConsole != null) processConsole.input(bytes); else console.input(bytes);
    }

    /** Loads apps into flash and creates their processes; refused images are listed in the result. */
    public ProcessLoader.Result load(List<ProcessLoader.App> apps) {
        int max = (int) config.number("kernel.max_processes", 8);
        if (apps.size() > max) throw new IllegalArgumentException(apps.size() + " apps given; the board runs at most " + max + " (kernel.max_processes)");
        return ProcessLoader.load(kernel, apps, appFlashStart, appFlashEnd, appRamStart, appRamEnd);
    }
}

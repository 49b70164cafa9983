/**
 * Tock's system-call drivers (capsules), MCU-independent; boards wire them to driver numbers.
 *
 * <p>Drivers that the libtock-c examples ({@code examples/}, {@code examples/tests/}) reach
 * through the {@code libtock/} and {@code libtock-sync/} wrappers, by driver number
 * (capsules/core/src/driver.rs), with their main users and whether tockemu has them
 * ("yes" = implemented with Tock's commands, upcalls and errors; "no" = absent: commands get
 * NODEVICE and {@code driver_exists()} is false, as on a board without the peripheral).
 *
 * <table>
 * <caption>libtock-c drivers</caption>
 * <tr><th>number</th><th>driver</th><th>used by (examples / tests)</th><th>tockemu</th></tr>
 * <tr><td>0x0</td><td>Alarm</td><td>almost all (libtock-sync/services/alarm), tests/alarms/*</td><td>yes ({@link Alarm})</td></tr>
 * <tr><td>0x1</td><td>Console</td><td>all (printf), tests/console/*</td><td>yes ({@link Console})</td></tr>
 * <tr><td>0x2</td><td>LED</td><td>blink, accel-leds, buttons, tests/led, proximity</td><td>yes ({@link Led})</td></tr>
 * <tr><td>0x3</td><td>Button</td><td>buttons, tests/button_print, process managers</td><td>yes ({@link Button})</td></tr>
 * <tr><td>0x4</td><td>GPIO</td><td>tests/gpio/*, ci-tests/gpio, hail/imix</td><td>yes ({@link Gpio})</td></tr>
 * <tr><td>0x5</td><td>ADC</td><td>adc, tests/adc/* (single samples, continuous, buffered), hail/imix, soil moisture, lvgl-clock</td>
 *     <td>yes: {@link AdcDedicated} (default: every mode, one process) or {@link Adc} (AdcVirtualized: shared, single samples), peripherals.adc_mode</td></tr>
 * <tr><td>0x6</td><td>DAC</td><td>tests/dac</td><td>yes ({@link Dac}, 10-bit)</td></tr>
 * <tr><td>0x7</td><td>AnalogComparator</td><td>tests/analog_comparator</td><td>yes ({@link AnalogComparator}, 2 channels, scripted inputs)</td></tr>
 * <tr><td>0x8</td><td>LowLevelDebug</td><td>low_level_debug users, crash tests</td><td>yes ({@link LowLevelDebug})</td></tr>
 * <tr><td>0x9</td><td>ReadOnlyState</td><td>LoRaMac RTC port (lora examples)</td><td>yes ({@link ReadOnlyState}; opt-in: peripherals.read_only_state)</td></tr>
 * <tr><td>0x10</td><td>PWM</td><td>tests/pwm</td><td>no</td></tr>
 * <tr><td>0x10000</td><td>IPC</td><td>rot13_client/service, tests/ipc/*, ble-env-sense</td><td>yes ({@link Ipc})</td></tr>
 * <tr><td>0x10001</td><td>AppLoader</td><td>tests/app_loader/*</td><td>no</td></tr>
 * <tr><td>0x10002</td><td>ProcessInfo</td><td>process-manager apps (which also need a screen)</td><td>yes ({@link ProcessInfo})</td></tr>
 * <tr><td>0x2000x</td><td>SPI, SPI peripheral, I2C master(/slave), USB</td><td>tests/spi*, tests/i2c/*, ci-tests/i2c*, tests/usb</td><td>no</td></tr>
 * <tr><td>0x3000x</td><td>BLE, 802.15.4, UDP, LoRa PHY, Thread, EUI64</td><td>ble_*, tests/ble/*, tests/ieee802154/*, tests/udp/*, lora, openthread, tests/eui64</td><td>no</td></tr>
 * <tr><td>0x40001</td><td>RNG</td><td>tests/rng, tests/crc, hotp</td><td>yes ({@link Rng})</td></tr>
 * <tr><td>0x40002</td><td>CRC</td><td>tests/crc, hail/imix</td><td>yes ({@link Crc})</td></tr>
 * <tr><td>0x40003 / 5 / 6</td><td>HMAC / SHA / AES</td><td>tests/hmac, tests/sha, tests/aes, hotp</td><td>no</td></tr>
 * <tr><td>0x50000</td><td>AppFlash (app_state)</td><td>tests/app_state</td><td>yes ({@link AppFlash})</td></tr>
 * <tr><td>0x50001</td><td>NonvolatileStorage</td><td>tests/nonvolatile_storage</td><td>yes ({@link NonvolatileStorage}, 32 KiB)</td></tr>
 * <tr><td>0x50002-4</td><td>SD card, KV, isolated NVM</td><td>tests/kv/*, hotp, tests/isolated_nonvolatile_storage</td><td>no</td></tr>
 * <tr><td>0x60000</td><td>Temperature</td><td>tests/temperature, sensors, hail/imix</td><td>yes ({@link Temperature})</td></tr>
 * <tr><td>0x60001</td><td>Humidity</td><td>sensors, hail/imix, microbit_v2, lora sensor apps</td><td>yes ({@link Humidity})</td></tr>
 * <tr><td>0x60002</td><td>AmbientLight</td><td>tests/ambient_light, sensors, hail/imix, microbit_v2</td><td>yes ({@link AmbientLight})</td></tr>
 * <tr><td>0x60004</td><td>NineDof</td><td>sensors, accel-leds, find_north, hail/imix, microbit_v2</td><td>yes ({@link NineDof})</td></tr>
 * <tr><td>0x60005</td><td>Proximity</td><td>tests/proximity, sensors</td><td>yes ({@link Proximity})</td></tr>
 * <tr><td>0x60006</td><td>SoundPressure</td><td>sensors, microbit_v2</td><td>yes ({@link SoundPressure})</td></tr>
 * <tr><td>0x60008</td><td>Pressure</td><td>libtock-sync/sensors/pressure users</td><td>yes ({@link Pressure})</td></tr>
 * <tr><td>0x60009-B</td><td>Distance, Moisture, RainFall</td><td>lora / soil-moisture sensor apps</td><td>no</td></tr>
 * <tr><td>0x7000x, 0x8000x</td><td>sensor ICs (LPS25HB, L3GD20, LSM303DLHC, ...), LTC294x, MAX17205, GPIO-async, nRF51 serialization</td>
 *     <td>l3gd20, lsm303dlhc, tests/gpio_async, hail/imix BLE</td><td>no</td></tr>
 * <tr><td>0x90000</td><td>Buzzer</td><td>music, microbit_v2</td><td>yes ({@link Buzzer})</td></tr>
 * <tr><td>0x90001-3</td><td>Screen, Touch, TextScreen</td><td>screen, lvgl*, u8g2-demos, tests/screen/*, text_screen, hd44780</td><td>no</td></tr>
 * <tr><td>0x90005 / 9</td><td>KeyboardHid / Servo</td><td>tests/keyboard_hid / servo</td><td>no</td></tr>
 * <tr><td>0x90007</td><td>DateTime (RTC)</td><td>rtc_app, lvgl-clock</td><td>yes ({@link DateTime})</td></tr>
 * <tr><td>0x90008</td><td>CycleCount</td><td>tests/cycle_count</td><td>yes ({@link CycleCount})</td></tr>
 * <tr><td>0xA0001</td><td>IPC registry (package name)</td><td>tests/ipc/*-libtock</td><td>no</td></tr>
 * </table>
 *
 * <p>Sensor readings are fixed per board description (peripherals.* keys) or scripted with the
 * capsules' setters; conversions take fixed virtual time, so runs stay deterministic.
 */
package org.tockemu.capsules;

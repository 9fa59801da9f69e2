package dev.tracecurator.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr(float), checked against values CPython prints. */
class PythonTextTest {
  @ParameterizedTest
  @CsvSource({
      "1.0, 1.0", "0.1, 0.1", "1.5, 1.5", "100.0, 100.0", "1e16, 1e+16", "1.5e16, 1.5e+16",
      "123456789012345.0, 123456789012345.0", "0.0001, 0.0001", "0.00001, 1e-05", "-2.5, -2.5",
      "1.2345678901234567e-7, 1.2345678901234566e-07", "0.3, 0.3", "2.675, 2.675", "1e22, 1e+22", "3.0e100, 3e+100"})
  void floatRepr(double value, String python) {
    assertEquals(python, PythonText.floatRepr(value));
  }
}

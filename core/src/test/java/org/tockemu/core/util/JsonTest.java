package org.tockemu.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesFlatAndNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\u0001");
        m.put("i", 42);
        m.put("l", 1L << 40);
        m.put("d", 0.5);
        m.put("whole", 3.0);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("n", null);
        m.put("list", List.of(1, "x"));
        m.put("empty", Map.of());
        assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\n\\u0001\",\n  \"i\": 42,\n  \"l\": 1099511627776,\n  \"d\": 0.5,\n"
                + "  \"whole\": 3,\n  \"nan\": null,\n  \"b\": true,\n  \"n\": null,\n  \"list\": [1, \"x\"],\n  \"empty\": {}\n}\n",
                Json.write(m));
    }
}

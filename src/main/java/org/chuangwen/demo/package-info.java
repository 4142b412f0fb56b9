/**
 * The demo city: a realistic city generated from a fixed seed and loaded into an empty database at start, so that a
 * newcomer sees a living system and every test can build on named fixtures. Each module adds its own part as a
 * {@link org.chuangwen.demo.DemoStep}. Sits at the top: nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.chuangwen.demo;

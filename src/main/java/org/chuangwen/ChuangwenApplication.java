package org.chuangwen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Chuangwen (创文): runs a city's National Civilized City campaign. */
@SpringBootApplication
@EnableScheduling
public class ChuangwenApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChuangwenApplication.class, args);
	}
}

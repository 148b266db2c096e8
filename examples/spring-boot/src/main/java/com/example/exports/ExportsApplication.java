package com.example.exports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The integrator's application: it uses Pelcro's Exports API through {@link ExportsClient}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExportsApplication {
  public static void main(String[] args) {
    SpringApplication.run(ExportsApplication.class, args);
  }
}

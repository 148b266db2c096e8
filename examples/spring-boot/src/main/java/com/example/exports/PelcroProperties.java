package com.example.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where Pelcro's Core API is and which key and site to use ({@code pelcro.*} properties). */
@ConfigurationProperties("pelcro")
public record PelcroProperties(String baseUrl, String apiKey, long siteId) {}

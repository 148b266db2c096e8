<?php

declare(strict_types=1);

namespace Example\PelcroExports;

/** A downloaded export file: its name and its bytes (a CSV, or a ZIP for accounting). */
final class Download
{
    public function __construct(
        public readonly string $filename,
        public readonly string $content,
    ) {
    }
}

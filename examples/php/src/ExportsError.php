<?php

declare(strict_types=1);

namespace Example\PelcroExports;

/** An answer of the API other than the one expected, with its status and message. */
final class ExportsError extends \RuntimeException
{
    /** @param array<string, list<string>> $errors */
    public function __construct(
        public readonly int $status,
        public readonly string $apiMessage,
        public readonly array $errors = [],
    ) {
        parent::__construct("$status: $apiMessage");
    }
}

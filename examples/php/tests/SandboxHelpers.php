<?php

declare(strict_types=1);

namespace Example\PelcroExports\Tests;

/**
 * The sandbox's test helpers (/__sandbox), called with the account's own key: they act on that
 * account only and stay open under --no-admin. Pelcro's API has no such calls: keep them in tests.
 */
final class SandboxHelpers
{
    private readonly string $root;

    public function __construct(string $baseUrl, private readonly string $apiKey)
    {
        $parts = parse_url($baseUrl);
        $port = isset($parts['port']) ? ':' . $parts['port'] : '';
        $this->root = $parts['scheme'] . '://' . $parts['host'] . $port . '/__sandbox/';
    }

    /** Forgets the account's exports, faults and clock offset. */
    public function reset(): void
    {
        $this->call('POST', 'reset');
    }

    /** Moves the account's clock forward: running exports finish without waiting. */
    public function advanceClock(int $seconds): void
    {
        $this->call('POST', 'clock/advance', ['seconds' => $seconds]);
    }

    /** @param array<string, mixed> $fault a fault of the docs' table, e.g. a 503 for one request */
    public function addFault(array $fault): void
    {
        $this->call('POST', 'faults', $fault);
    }

    /** @return list<array<string, mixed>> */
    public function faults(): array
    {
        return $this->call('GET', 'faults')['data'];
    }

    /** @param array<string, mixed>|null $body */
    private function call(string $method, string $path, ?array $body = null): array
    {
        $curl = curl_init($this->root . $path);
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . $this->apiKey],
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 30,
        ]);
        if ($body !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, json_encode($body, JSON_THROW_ON_ERROR));
        }
        $answer = curl_exec($curl);
        $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);
        if ($answer === false || $status >= 300) {
            throw new \RuntimeException("$method /__sandbox/$path answered $status: $answer");
        }
        return $answer === '' ? [] : json_decode($answer, true, 512, JSON_THROW_ON_ERROR);
    }
}

<?php

declare(strict_types=1);

namespace Example\PelcroExports;

/**
 * The exports operations of Pelcro's Core API for one key and one site, on PHP's curl.
 *
 * Always give the base URL (there is no default, so that a test cannot reach production);
 * keep the downloaded bytes as they are (a CSV or a ZIP, never json_decode them); download a
 * file once: the second download answers 400.
 */
final class ExportsClient
{
    public const NOT_READY = 'The export is not yet ready to be downloaded.';

    private readonly string $baseUrl;

    public function __construct(
        string $baseUrl,
        private readonly string $apiKey,
        private readonly int $siteId,
        private readonly int $timeoutSeconds = 30,
    ) {
        if ($baseUrl === '') {
            throw new \InvalidArgumentException(
                'baseUrl is required, e.g. http://127.0.0.1:8080/api/v1/core'
            );
        }
        $this->baseUrl = rtrim($baseUrl, '/');
    }

    /**
     * POST /exports; retries a 429 or 503 after its Retry-After.
     *
     * @param array<string, mixed> $body
     * @return array<string, mixed> the export
     */
    public function requestExport(array $body, int $retries = 2): array
    {
        for ($attempt = 0;; $attempt++) {
            $response = $this->send('POST', '/exports', json_encode($body, JSON_THROW_ON_ERROR));
            if (in_array($response['status'], [429, 503], true) && $attempt < $retries) {
                sleep(min((int) ($response['headers']['retry-after'] ?? 1), 10));
                continue;
            }
            if ($response['status'] !== 200 && $response['status'] !== 201) {
                throw self::error($response);
            }
            return json_decode($response['body'], true, 512, JSON_THROW_ON_ERROR)['data'];
        }
    }

    /** GET /exports/{uuid}: the file, or null while the export runs (404 "not yet ready"). */
    public function download(string $uuid): ?Download
    {
        $response = $this->send('GET', '/exports/' . rawurlencode($uuid));
        if ($response['status'] === 200) {
            $disposition = $response['headers']['content-disposition'] ?? '';
            $filename = preg_match('/filename="?([^";]+)"?/', $disposition, $m) ? $m[1] : $uuid;
            return new Download($filename, $response['body']); // the bytes, as they arrived
        }
        $error = self::error($response);
        if ($error->status === 404 && $error->apiMessage === self::NOT_READY) {
            return null;
        }
        throw $error;
    }

    /** Polls the download until the export has finished, then returns its file (once). */
    public function waitAndDownload(string $uuid, float $timeoutSeconds = 30, int $intervalMs = 250): Download
    {
        $deadline = microtime(true) + $timeoutSeconds;
        while (($file = $this->download($uuid)) === null) {
            if (microtime(true) > $deadline) {
                throw new \RuntimeException("export $uuid not ready after $timeoutSeconds s");
            }
            usleep($intervalMs * 1000);
        }
        return $file;
    }

    /** @return array{status: int, headers: array<string, string>, body: string} */
    private function send(string $method, string $path, ?string $json = null): array
    {
        $url = $this->baseUrl . $path . '?' . http_build_query(['site_id' => $this->siteId]);
        $headers = ['Authorization: Bearer ' . $this->apiKey, 'Accept: application/json'];
        if ($json !== null) {
            $headers[] = 'Content-Type: application/json';
        }
        $received = [];
        $curl = curl_init($url);
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => $this->timeoutSeconds,
            CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$received): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $received[strtolower(trim($parts[0]))] = trim($parts[1]);
                }
                return strlen($line);
            },
        ]);
        if ($json !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, $json);
        }
        $body = curl_exec($curl);
        if ($body === false) {
            $message = curl_error($curl);
            curl_close($curl);
            throw new \RuntimeException("$method $url failed: $message");
        }
        $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);
        return ['status' => $status, 'headers' => $received, 'body' => $body];
    }

    /** @param array{status: int, headers: array<string, string>, body: string} $response */
    private static function error(array $response): ExportsError
    {
        $json = json_decode($response['body'], true);
        $json = is_array($json) ? $json : [];
        return new ExportsError(
            $response['status'],
            (string) ($json['message'] ?? 'HTTP ' . $response['status']),
            is_array($json['errors'] ?? null) ? $json['errors'] : [],
        );
    }
}

<?php

declare(strict_types=1);

namespace Example\PelcroExports\Tests;

use Example\PelcroExports\ExportsClient;
use Example\PelcroExports\ExportsError;
use PHPUnit\Framework\TestCase;

/** The export flow against the sandbox: request, poll, download once, and the usual refusals. */
final class ExportsClientTest extends TestCase
{
    private ExportsClient $client;
    private SandboxHelpers $sandbox;

    protected function setUp(): void
    {
        $base = (string) getenv('PELCRO_API_BASE');
        $key = (string) getenv('PELCRO_API_KEY');
        $this->sandbox = new SandboxHelpers($base, $key);
        $this->sandbox->reset(); // every test starts from an account with no exports and no faults
        $this->client = new ExportsClient($base, $key, (int) getenv('PELCRO_SITE_ID'));
    }

    /** @return array<string, mixed> */
    private static function last90Days(string $type): array
    {
        $now = time();
        return ['object' => $type, 'date_from' => $now - 90 * 86400, 'date_to' => $now];
    }

    public function testASubscriptionsExportIsPolledThenDownloadedAsCsvBytes(): void
    {
        $export = $this->client->requestExport(self::last90Days('subscriptions'));

        $file = $this->client->waitAndDownload($export['uuid']); // 404 "not yet ready" until then

        self::assertSame("subscriptions-{$export['uuid']}.csv", $file->filename);
        $stream = fopen('php://memory', 'r+');
        fwrite($stream, $file->content);
        rewind($stream);
        $rows = [];
        while (($row = fgetcsv($stream)) !== false) {
            $rows[] = $row;
        }
        self::assertGreaterThan(1, count($rows), 'a header and at least one subscription');
        foreach ($rows as $row) {
            self::assertCount(count($rows[0]), $row);
        }
    }

    public function testTheSecondDownloadOfAFileIsRefused(): void
    {
        $export = $this->client->requestExport(self::last90Days('customers'));
        $this->sandbox->advanceClock(60);
        self::assertNotSame('', $this->client->download($export['uuid'])->content);

        try {
            $this->client->download($export['uuid']);
            self::fail('the second download was not refused');
        } catch (ExportsError $again) {
            self::assertSame(400, $again->status);
            self::assertSame(
                'The requested file has already been downloaded or has expired.',
                $again->apiMessage,
            );
        }
    }

    public function testTheAccountingExportIsAZipOfCsvReports(): void
    {
        $month = (new \DateTimeImmutable('first day of last month'))->format('Y-m-d');
        $export = $this->client->requestExport(
            ['object' => 'accounting', 'month' => $month, 'currency' => 'usd'],
        );
        $this->sandbox->advanceClock(60);

        $file = $this->client->waitAndDownload($export['uuid']);

        self::assertStringEndsWith('.zip', $file->filename);
        // Written as it came (bytes), then read with PHP's bundled Phar (no ext-zip needed).
        $path = sys_get_temp_dir() . '/' . $file->filename;
        file_put_contents($path, $file->content);
        try {
            $names = [];
            foreach (new \PharData($path) as $entry) {
                $names[] = $entry->getFilename();
            }
        } finally {
            unlink($path);
        }
        self::assertCount(11, $names);
        foreach ($names as $name) {
            self::assertStringEndsWith('.csv', $name);
        }
    }

    public function testASecondExportOfATypeWhileOneRunsIs409(): void
    {
        $this->client->requestExport(self::last90Days('invoices'));

        try {
            $this->client->requestExport(self::last90Days('invoices'));
            self::fail('the second export was not refused');
        } catch (ExportsError $conflict) {
            self::assertSame(409, $conflict->status);
            self::assertSame('Export in progress', $conflict->apiMessage);
        }
        self::assertSame('payments', $this->client->requestExport(self::last90Days('payments'))['object']);
    }

    public function testA503OnRequestIsRetriedAfterItsRetryAfter(): void
    {
        $this->sandbox->addFault([
            'kind' => 'operation_error', 'operation' => 'requestExport',
            'status' => 503, 'retry_after' => 1, 'times' => 1,
        ]);

        $export = $this->client->requestExport(self::last90Days('subscriptions'));

        self::assertSame('subscriptions', $export['object']);
        self::assertSame([1], array_column($this->sandbox->faults(), 'struck'));
    }

    public function testNoClientIsMadeWithoutABaseUrl(): void
    {
        $this->expectException(\InvalidArgumentException::class);

        new ExportsClient('', 'sk_test_enterprise', 1001);
    }
}

<?php

declare(strict_types=1);

// Composer's autoloader when `composer install` has run; otherwise the same PSR-4 mapping
// (PHPUnit from a system package, as on Debian: `apt-get install phpunit php-curl`).
if (is_file(__DIR__ . '/../vendor/autoload.php')) {
    require __DIR__ . '/../vendor/autoload.php';
    return;
}
spl_autoload_register(static function (string $class): void {
    $prefixes = [
        'Example\\PelcroExports\\Tests\\' => __DIR__ . '/',
        'Example\\PelcroExports\\' => __DIR__ . '/../src/',
    ];
    foreach ($prefixes as $prefix => $dir) {
        if (str_starts_with($class, $prefix)) {
            $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});

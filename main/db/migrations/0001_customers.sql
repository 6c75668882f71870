CREATE TABLE `customer_phone_keys` (
	`tail` text NOT NULL,
	`customer_id` text NOT NULL,
	PRIMARY KEY(`tail`, `customer_id`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_phone_keys_customer_idx` ON `customer_phone_keys` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_number` text NOT NULL,
	`kind` text NOT NULL,
	`title` text,
	`first_name` text,
	`last_name` text,
	`company_name` text,
	`display_name` text NOT NULL,
	`sort_name` text NOT NULL,
	`alt_name` text NOT NULL,
	`email` text,
	`email_key` text,
	`phones` text NOT NULL,
	`language` text NOT NULL,
	`street` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`billing_address` text,
	`identifiers` text NOT NULL,
	`notes` text,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_customer_number_unique` ON `customers` (`customer_number`);--> statement-breakpoint
CREATE INDEX `customers_sort_name_idx` ON `customers` (`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `customers_alt_name_idx` ON `customers` (`alt_name`,`id`);--> statement-breakpoint
CREATE INDEX `customers_email_key_idx` ON `customers` (`email_key`);--> statement-breakpoint
CREATE INDEX `customers_created_idx` ON `customers` (`created_at`,`id`);
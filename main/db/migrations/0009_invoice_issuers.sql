CREATE TABLE `invoice_issuers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`identity` text NOT NULL,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);

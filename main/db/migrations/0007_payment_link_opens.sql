CREATE TABLE `payment_link_opens` (
	`id` text PRIMARY KEY NOT NULL,
	`first_opened_at` text NOT NULL,
	`last_opened_at` text NOT NULL,
	`open_count` integer NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);

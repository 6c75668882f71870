DROP INDEX `customers_alt_name_idx`;--> statement-breakpoint
CREATE INDEX `customers_alt_name_idx` ON `customers` (`alt_name`,`sort_name`,`id`);
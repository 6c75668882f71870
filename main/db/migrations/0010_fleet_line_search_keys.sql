-- The search index's id table also carries each line's account and status, so that a search
-- filtered by them is answered from the index alone (count, and the set a page is checked against)
-- without reading every matching line. Kept in step by triggers, like the index itself.
ALTER TABLE `fleet_line_search_ids` ADD `customer_id` text;
--> statement-breakpoint
ALTER TABLE `fleet_line_search_ids` ADD `status` text;
--> statement-breakpoint
UPDATE `fleet_line_search_ids` SET
	`customer_id` = (SELECT l.`customer_id` FROM `fleet_lines` l WHERE l.`id` = `fleet_line_search_ids`.`line_id`),
	`status` = (SELECT l.`status` FROM `fleet_lines` l WHERE l.`id` = `fleet_line_search_ids`.`line_id`);
--> statement-breakpoint
DROP TRIGGER `fleet_line_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `fleet_line_search_insert` AFTER INSERT ON `fleet_lines` BEGIN
	INSERT INTO `fleet_line_search_ids` (`line_id`, `customer_id`, `status`) VALUES (new.id, new.customer_id, new.status);
	INSERT INTO `fleet_line_search` (rowid, search_key)
		VALUES ((SELECT `seq` FROM `fleet_line_search_ids` WHERE `line_id` = new.id), new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `fleet_line_search_keys` AFTER UPDATE OF `customer_id`, `status` ON `fleet_lines`
WHEN old.customer_id IS NOT new.customer_id OR old.status IS NOT new.status BEGIN
	UPDATE `fleet_line_search_ids` SET `customer_id` = new.customer_id, `status` = new.status
		WHERE `line_id` = new.id;
END;

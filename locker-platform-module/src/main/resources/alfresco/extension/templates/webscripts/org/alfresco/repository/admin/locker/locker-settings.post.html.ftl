<#-- Only reached when the controller did not redirect -->
<html><body><a href="${url.serviceContext}/admin/locker-settings">${url.serviceContext}/admin/locker-settings</a></body></html>

/* Reads the service paths from the "Locker" config section (locker-share-module-config.xml, overridden by the installation's locker-share-config-custom.xml). */
(function()
{
   var locker = config.scoped["Locker"]["locker"];
   model.endpointId = (locker && locker.getChildValue("endpoint-id")) || "locker";
   model.path = (locker && locker.getChildValue("dashlet-path")) || "";
})();
